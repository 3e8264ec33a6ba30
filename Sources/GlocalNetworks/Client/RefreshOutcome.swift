/// The result of refreshing an account's credentials.
public enum RefreshOutcome: Sendable, Equatable {
    /// New credentials to store (a refresh token the network did not send back is kept, never blanked).
    case refreshed(AccountCredentials)
    /// The refresh token is dead: a person must reconnect the account.
    case reconnectRequired(String)
    /// The refresh failed for a passing reason; the stored token is not dead.
    case transient(String)
}
