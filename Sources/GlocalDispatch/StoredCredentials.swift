import Foundation
import GlocalNetworks
import GlocalStore

/// Credentials kept sealed in the store (`AccountSecrets`), as their JSON form inside the seal.
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
        try secrets.secret(account: accountID).map(AccountCredentials.decode)
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
        try secrets.store(try kept.encoded(), account: accountID, now: clock())
    }
}
