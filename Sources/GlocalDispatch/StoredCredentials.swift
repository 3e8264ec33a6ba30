import Foundation
import GlocalNetworks
import GlocalStore

/// Credentials kept sealed in the store's vault (`AccountSecrets` for SQLite), as their JSON form inside the seal.
public struct StoredCredentials: CredentialSource {
    let secrets: any CredentialVault
    let clock: @Sendable () -> Date

    /// Credentials sealed in `secrets`.
    public init(secrets: any CredentialVault, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.secrets = secrets
        self.clock = clock
    }

    /// The credentials of `accountID`, or `nil` if it was never connected.
    public func credentials(for accountID: String) async throws -> AccountCredentials? {
        try secrets.secret(account: accountID).map(AccountCredentials.decode)
    }

    /// Stores `credentials`; a refresh token missing from them keeps the stored one (a network that
    /// does not send it back has not revoked it).
    public func store(_ credentials: AccountCredentials, for accountID: String) async throws {
        var kept = credentials
        if !credentials.hasRefreshToken { kept = credentials.keepingRefreshToken(of: try await self.credentials(for: accountID)) }
        try secrets.store(try kept.encoded(), account: accountID, now: clock())
    }

    /// Runs `body` holding the vault's refresh lock of `accountID`, with the credentials stored once it is held.
    public func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
        try await secrets.whileRefreshing(account: accountID) { secret in
            try await body(try secret.map(AccountCredentials.decode))
        }
    }
}
