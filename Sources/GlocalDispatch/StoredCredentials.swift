import Foundation
import GlocalNetworks
import GlocalStore

/// Credentials kept sealed in the store (`AccountSecrets`), as JSON inside the seal.
public struct StoredCredentials: CredentialSource {
    let secrets: AccountSecrets
    let clock: @Sendable () -> Date

    /// Credentials sealed in `secrets`.
    public init(secrets: AccountSecrets, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.secrets = secrets
        self.clock = clock
    }

    /// The credentials of `accountID`, or `nil` if it was never connected.
    public func credentials(for accountID: String) async throws -> AccountCredentials? {
        try secrets.secret(account: accountID).map { try CredentialRecord.decode($0).credentials }
    }

    /// Stores `credentials`; a refresh token missing from them keeps the stored one (a network that
    /// does not send it back has not revoked it).
    public func store(_ credentials: AccountCredentials, for accountID: String) async throws {
        var kept = credentials
        if (kept.refreshToken ?? "").isEmpty, let old = try await self.credentials(for: accountID), let token = old.refreshToken,
            !token.isEmpty
        {
            kept.refreshToken = token
        }
        try secrets.store(try CredentialRecord(kept).encoded(), account: accountID, now: clock())
    }
}

/// The JSON form of `AccountCredentials` inside the seal (and what `glocal account connect` reads).
public struct CredentialRecord: Codable, Sendable {
    var accessToken: String
    var refreshToken: String?
    var expiresAt: Date?
    var userID: String?
    var pageID: String?
    var authorURN: String?
    var serverURL: URL?
    var clientID: String?
    var clientSecret: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", expiresAt = "expires_at", userID = "user_id"
        case pageID = "page_id", authorURN = "author_urn", serverURL = "server_url", clientID = "client_id"
        case clientSecret = "client_secret"
    }

    /// The record of `credentials`.
    public init(_ credentials: AccountCredentials) {
        accessToken = credentials.accessToken
        refreshToken = credentials.refreshToken
        expiresAt = credentials.expiresAt
        userID = credentials.remoteUserID
        pageID = credentials.pageID
        authorURN = credentials.authorURN
        serverURL = credentials.serverURL
        clientID = credentials.clientID
        clientSecret = credentials.clientSecret
    }

    /// The credentials it holds.
    public var credentials: AccountCredentials {
        AccountCredentials(
            accessToken: accessToken, refreshToken: refreshToken, expiresAt: expiresAt, remoteUserID: userID, pageID: pageID,
            authorURN: authorURN, serverURL: serverURL, clientID: clientID, clientSecret: clientSecret)
    }

    /// Reads a record from JSON (ISO 8601 dates).
    public static func decode(_ data: Data) throws -> CredentialRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(CredentialRecord.self, from: data)
    }

    /// The record as JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(self)
    }
}
