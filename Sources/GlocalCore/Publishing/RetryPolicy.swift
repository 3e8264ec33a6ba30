import Foundation

/// How long a failed publish waits before its next attempt: exponential backoff with jitter, capped,
/// and a limited number of attempts. A network's own reset time (`Retry-After`, rate-limit reset)
/// always wins over the computed delay.
public struct RetryPolicy: Sendable, Equatable {
    /// Claims allowed before the job is discarded.
    public var maxAttempts: Int
    /// The delay after the first failure.
    public var baseDelay: TimeInterval
    /// The longest delay.
    public var maxDelay: TimeInterval
    /// The fraction of the delay drawn at random either way (0.25 → ±25 %), so that jobs that failed
    /// together do not come back together.
    public var jitter: Double

    /// The default: 8 attempts, 30 s doubling to at most 1 h, ±25 %.
    public static let standard = RetryPolicy(maxAttempts: 8, baseDelay: 30, maxDelay: 3_600, jitter: 0.25)

    /// Creates a policy.
    public init(maxAttempts: Int, baseDelay: TimeInterval, maxDelay: TimeInterval, jitter: Double) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The delay after failed attempt number `attempt` (1-based), given `random` drawn uniformly in 0..<1.
    public func delay(afterAttempt attempt: Int, random: Double) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let nominal = min(maxDelay, baseDelay * pow(2, exponent))
        return nominal * (1 + jitter * (2 * random - 1))
    }

    /// When the next attempt runs: the network's reset time if it gave one, else now plus the backoff.
    public func nextRun(afterAttempt attempt: Int, now: Date, networkReset: Date?, random: Double) -> Date {
        if let networkReset, networkReset > now { return networkReset }
        return now.addingTimeInterval(delay(afterAttempt: attempt, random: random))
    }

    /// Whether a job that failed its `attempt`-th claim may run again.
    public func allowsAnotherAttempt(after attempt: Int) -> Bool { attempt < maxAttempts }
}
