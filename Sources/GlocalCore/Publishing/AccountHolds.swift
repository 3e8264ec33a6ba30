import Foundation

/// The holds on one account.
public struct AccountHolds: Sendable, Equatable {
    /// Paused by a person.
    public var paused: Bool
    /// Why the account needs a new token, if it does.
    public var needsReconnect: String?
    /// The network's rate limit lifts at this instant.
    public var rateLimitedUntil: Date?

    /// Creates the holds of an account.
    public init(paused: Bool, needsReconnect: String?, rateLimitedUntil: Date?) {
        self.paused = paused
        self.needsReconnect = needsReconnect
        self.rateLimitedUntil = rateLimitedUntil
    }
}
