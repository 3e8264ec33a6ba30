/// Whether an engagement reading that failed is tried again.
public struct MetricsRetryPolicy: Sendable, Equatable {
    /// Claims that count before a reading is given up (a rate limit does not count).
    public var maxAttempts: Int

    /// The default: 5 attempts.
    public static let standard = MetricsRetryPolicy(maxAttempts: 5)

    /// Creates a policy.
    public init(maxAttempts: Int) { self.maxAttempts = maxAttempts }

    /// Whether a reading claimed `attempts` times (counting this claim) is given up after a failure;
    /// one that did not count as an attempt (a rate limit) never is.
    public func givesUp(attempts: Int, countsAsAttempt: Bool) -> Bool { countsAsAttempt && attempts >= maxAttempts }
}
