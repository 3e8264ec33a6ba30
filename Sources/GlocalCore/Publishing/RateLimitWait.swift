import Foundation

/// How long a job a network answered 429 waits, and whether that answer spent an attempt (docs/operations.md,
/// Dispatching). With the network's reset (`Retry-After`, rate-limit headers) the job waits until it and spends no
/// attempt: the answer says nothing about the post. Without one the 429 counts as an attempt and backs off as a failure
/// does (doubling up to the policy's longest delay), so a network that keeps answering a bare 429 is given up on
/// after the attempt budget instead of being sent to every 30 seconds for ever.
public struct RateLimitWait: Sendable, Equatable {
    /// When the job runs again (and the account may publish again).
    public var until: Date
    /// Whether the 429 spends one of the job's attempts.
    public var countsAsAttempt: Bool
    /// Why the job waits, naming the network and until when, in UTC.
    public var reason: String

    /// Creates a wait.
    public init(until: Date, countsAsAttempt: Bool, reason: String) {
        self.until = until
        self.countsAsAttempt = countsAsAttempt
        self.reason = reason
    }

    /// How every rate-limit reason begins, so a reason can be told apart from other failures.
    public static let reasonPrefix = "rate-limited by "

    /// Whether `reason` is a rate limit's (one ``after(_:on:attempt:now:networkReset:policy:random:)`` wrote).
    public static func isRateLimit(_ reason: String) -> Bool { reason.hasPrefix(reasonPrefix) }

    /// The wait after `network` answered 429 to `subject` (`nil`: the post; else what was asked, e.g. "look-up") on
    /// the job's `attempt`-th claim at `now`; `networkReset` is the reset the answer gave, if any; `random` is
    /// uniform in 0..<1 (the backoff's jitter).
    public static func after(
        _ subject: String? = nil, on network: Network, attempt: Int, now: Date, networkReset: Date?, policy: RetryPolicy,
        random: Double
    ) -> RateLimitWait {
        let by = (subject.map { "\($0) " } ?? "") + reasonPrefix + network.displayName
        if let networkReset, networkReset > now {
            return RateLimitWait(until: networkReset, countsAsAttempt: false, reason: "\(by) until \(utc(networkReset))")
        }
        let until = now.addingTimeInterval(policy.delay(afterAttempt: attempt, random: random))
        return RateLimitWait(
            until: until, countsAsAttempt: true,
            reason: "\(by) until \(utc(until)) (no reset time given: backing off, attempt \(attempt) of \(policy.maxAttempts))"
        )
    }

    /// `instant` as ISO 8601 in UTC to the second, e.g. `2027-03-01T10:00:00Z`.
    public static func utc(_ instant: Date) -> String {
        instant.ISO8601Format()
    }
}
