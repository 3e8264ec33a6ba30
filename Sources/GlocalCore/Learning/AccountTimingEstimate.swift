/// The estimates of one account on one network (or of a network's pool), per allowed bucket.
public struct AccountTimingEstimate: Sendable {
    /// The account (`*` for a network's pool).
    public let accountID: String
    /// The network.
    public let network: Network
    /// Scored posts behind it.
    public let posts: Int
    /// Posterior per allowed bucket.
    public let buckets: [TimingBucket: BucketEstimate]
    /// The default table's prior per allowed bucket.
    public let prior: [TimingBucket: Double]
    /// The peak model's belief about the account's daily curve (`nil` for a pool, or without the peak model).
    public let belief: PeakBelief?

    /// Creates the estimates.
    public init(
        accountID: String, network: Network, posts: Int, buckets: [TimingBucket: BucketEstimate], prior: [TimingBucket: Double],
        belief: PeakBelief? = nil
    ) {
        self.accountID = accountID
        self.network = network
        self.posts = posts
        self.buckets = buckets
        self.prior = prior
        self.belief = belief
    }

    /// The allowed bucket with the highest posterior mean (earliest in the week on a tie).
    public var best: TimingBucket? {
        buckets.max { a, b in a.value.mean != b.value.mean ? a.value.mean < b.value.mean : a.key > b.key }?.key
    }

    static func key(_ account: String, _ network: Network) -> String { account + "|" + network.rawValue }
}
