/// What the estimator believes about one bucket of one account: a normal posterior over the score.
public struct BucketEstimate: Sendable, Hashable, Codable {
    /// Posterior mean of the log-ratio score.
    public var mean: Double
    /// Posterior variance of that mean.
    public var variance: Double
    /// Decayed number of the account's own posts behind it (neighbours count partly).
    public var weight: Double
    /// The mean it was shrunk toward (the network pool, itself shrunk toward the table).
    public var shrunkToward: Double

    /// Creates an estimate.
    public init(mean: Double, variance: Double, weight: Double, shrunkToward: Double) {
        self.mean = mean
        self.variance = variance
        self.weight = weight
        self.shrunkToward = shrunkToward
    }
}
