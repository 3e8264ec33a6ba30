import Foundation

/// What a client needs to act for one account: its token set. Secret fields never appear in descriptions or dumps;
/// its JSON form (snake_case keys, ISO 8601 dates) is what the store seals and what `glocal account connect` reads.
public struct AccountCredentials: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The bearer token (Bluesky: `accessJwt`; Meta: user or page token).
    public var accessToken: String
    /// The refresh token (X, LinkedIn; Bluesky: `refreshJwt`), if the network has one.
    public var refreshToken: String?
    /// When the access token expires, if known.
    public var expiresAt: Date?
    /// The account's id on the network: X user id, Mastodon account id, Instagram user id, Threads user id, Bluesky DID.
    public var remoteUserID: String?
    /// The Facebook page id.
    public var pageID: String?
    /// The LinkedIn author URN (`urn:li:organization:…` or `urn:li:person:…`).
    public var authorURN: String?
    /// The account's own server: Mastodon instance, Bluesky PDS, webhook URL.
    public var serverURL: URL?
    /// The OAuth client id, for refreshes that need it (X, LinkedIn, Facebook).
    public var clientID: String?
    /// The OAuth client secret, for refreshes that need it (LinkedIn, Facebook).
    public var clientSecret: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", expiresAt = "expires_at", remoteUserID = "user_id"
        case pageID = "page_id", authorURN = "author_urn", serverURL = "server_url", clientID = "client_id"
        case clientSecret = "client_secret"
    }

    /// Creates credentials.
    public init(
        accessToken: String, refreshToken: String? = nil, expiresAt: Date? = nil, remoteUserID: String? = nil,
        pageID: String? = nil, authorURN: String? = nil, serverURL: URL? = nil, clientID: String? = nil,
        clientSecret: String? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.remoteUserID = remoteUserID
        self.pageID = pageID
        self.authorURN = authorURN
        self.serverURL = serverURL
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// Reads credentials from their JSON form (ISO 8601 dates).
    public static func decode(_ data: Data) throws -> AccountCredentials {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AccountCredentials.self, from: data)
    }

    /// The credentials as JSON (sorted keys, ISO 8601 dates), the form the store seals.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(self)
    }

    /// Whether a (non-empty) refresh token is among them.
    public var hasRefreshToken: Bool { !(refreshToken ?? "").isEmpty }

    /// These credentials, with `previous`'s refresh token when they have none: a network that does not send the
    /// refresh token back with a new access token has not revoked it.
    public func keepingRefreshToken(of previous: AccountCredentials?) -> AccountCredentials {
        guard !hasRefreshToken, let previous, previous.hasRefreshToken else { return self }
        var kept = self
        kept.refreshToken = previous.refreshToken
        return kept
    }

    /// The secret values, longest first, for ``SecretRedactor``.
    public var secrets: [String] {
        [accessToken, refreshToken, clientSecret].compactMap { $0 }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// Ids only; tokens are shown as `<redacted>`.
    public var description: String {
        let ids = [remoteUserID, pageID, authorURN, serverURL?.absoluteString].compactMap { $0 }.joined(separator: ", ")
        return "AccountCredentials(\(ids), accessToken: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without secrets, so `dump` and the debugger do not print tokens.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "remoteUserID": remoteUserID as Any, "pageID": pageID as Any, "authorURN": authorURN as Any,
                "serverURL": serverURL as Any, "expiresAt": expiresAt as Any, "accessToken": "<redacted>",
            ])
    }
}
