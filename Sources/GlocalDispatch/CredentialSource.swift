import GlocalNetworks

/// Where the dispatcher gets each account's credentials, and keeps refreshed ones.
public protocol CredentialSource: Sendable {
    /// The credentials of `accountID`, or `nil` if the account was never connected.
    func credentials(for accountID: String) async throws -> AccountCredentials?
    /// Keeps credentials a refresh returned (never blanking a stored refresh token).
    func store(_ credentials: AccountCredentials, for accountID: String) async throws
}
