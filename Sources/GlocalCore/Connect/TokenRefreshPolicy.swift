import Foundation

/// When the token keeper refreshes an account's token: some hours before it expires (not when a post happens to be
/// due), and after a failed refresh only once a backoff has passed (doubling, capped), so a network that is down is not
/// hammered and an account that posts nothing for months does not lapse.
public struct TokenRefreshPolicy: Sendable, Equatable {
    /// Refresh when the token expires within this many seconds.
    public var ahead: TimeInterval
    /// The wait after the first failed refresh.
    public var baseBackoff: TimeInterval
    /// The longest wait between failed refreshes.
    public var maxBackoff: TimeInterval

    /// What to do with one account's token now.
    public enum Decision: Sendable, Equatable {
        /// Refresh it now.
        case refresh
        /// Nothing before this instant (the token is fresh, or a failed refresh is backing off).
        case wait(until: Date)
        /// The token does not expire (or its expiry is unknown): nothing to keep alive.
        case never
    }

    /// Creates a policy; the defaults refresh 24 hours ahead and back off from 5 minutes to 6 hours.
    public init(ahead: TimeInterval = 24 * 3600, baseBackoff: TimeInterval = 300, maxBackoff: TimeInterval = 6 * 3600) {
        self.ahead = ahead
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
    }

    /// The wait after `failures` failed refreshes in a row (0: none).
    public func backoff(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        let doubled = baseBackoff * pow(2, Double(min(failures - 1, 30)))
        return min(doubled, maxBackoff)
    }

    /// The decision for a token expiring at `expiresAt`, after `failures` failed refreshes, the last at `lastFailure`.
    /// A token so short-lived that `ahead` covers all of it (X: 2 hours) is refreshed when half its life is left.
    public func decide(
        expiresAt: Date?, failures: Int = 0, lastFailure: Date? = nil, lifetime: TimeInterval? = nil, now: Date
    ) -> Decision {
        guard let expiresAt else { return .never }
        if failures > 0, let lastFailure {
            let retry = lastFailure.addingTimeInterval(backoff(afterFailures: failures))
            if retry > now { return .wait(until: retry) }
        }
        let margin = lifetime.map { min(ahead, $0 / 2) } ?? ahead
        let due = expiresAt.addingTimeInterval(-margin)
        return due <= now ? .refresh : .wait(until: due)
    }
}
