import GlocalNetworks

/// Where the dispatcher gets each account's credentials, and keeps refreshed ones.
public protocol CredentialSource: Sendable {
    /// The credentials of `accountID`, or `nil` if the account was never connected.
    func credentials(for accountID: String) async throws -> AccountCredentials?
    /// Keeps credentials a refresh returned (never blanking a stored refresh token).
    func store(_ credentials: AccountCredentials, for accountID: String) async throws
    /// Runs `body` holding `accountID`'s refresh lock, shared by every process on the store, with the credentials as
    /// stored once it is held (`nil`: none).
    func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T
}
