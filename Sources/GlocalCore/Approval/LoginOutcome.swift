import Foundation

/// The result of a login attempt.
public enum LoginOutcome: Sendable, Equatable {
    /// The address and password match.
    case success(User)
    /// Unknown address or wrong password (deliberately not told apart).
    case invalid
    /// Too many failures: no attempt is checked before this instant.
    case throttled(until: Date)
}
