/// What engagement taught about timing: posterior estimates per account × network × bucket, plus
/// the seed and holdout share the scheduler samples with. Built by ``LearnedTimingEstimator``.
public struct LearnedTiming: Sendable {
    private let accounts: [String: AccountTimingEstimate]
    private let pools: [Network: AccountTimingEstimate]
    /// How many posts the prior is worth (an account with no posts of its own gets this much certainty).
    public let priorWeight: Double
    /// Mixed into every draw, so a new model gives new draws while the same model repeats them.
    public let seed: UInt64
    /// Share of posts kept at the default table's time as the holdout (about 10 %).
    public let holdoutShare: Double
    /// Scales the posterior's standard deviation when sampling (1: plain Thompson sampling).
    public let exploration: Double
    /// Thompson sampling on the peak draws from the posterior raised to `1 / peakTemperature` (1: plain).
    public let peakTemperature: Double
    /// With the peak model, the temperature falls as the account's posts pass this many (0: fixed):
    /// `peakTemperature · min(1, peakPivot / posts)`, exploring early and exploiting later.
    public let peakPivot: Double
    /// With the peak model, an account with at least this many (decayed) posts of its own no longer
    /// explores: its buckets are ranked by their posterior expected score (0: it always samples).
    public let exploitAfter: Double
    /// With the peak model, the decision rule's further options (all off by default).
    public var choice: ChoiceRule
    /// Per network where ``ContentEffect`` took posts' content out, the share of the post-to-post spread it found
    /// the content explains (`explain` says so).
    public var contentShares: [Network: Double] = [:]

    /// Creates a model.
    public init(
        accounts: [String: AccountTimingEstimate], pools: [Network: AccountTimingEstimate], priorWeight: Double, seed: UInt64,
        holdoutShare: Double, exploration: Double = 1, peakTemperature: Double = 1, peakPivot: Double = 0,
        exploitAfter: Double = 0, choice: ChoiceRule = ChoiceRule()
    ) {
        self.choice = choice
        self.exploitAfter = exploitAfter
        self.peakPivot = peakPivot
        self.peakTemperature = peakTemperature
        self.accounts = accounts
        self.pools = pools
        self.priorWeight = priorWeight
        self.seed = seed
        self.holdoutShare = holdoutShare
        self.exploration = exploration
    }

    /// A model that knows nothing: the scheduler then uses the default table exactly.
    public static let empty = LearnedTiming(accounts: [:], pools: [:], priorWeight: 5, seed: 0, holdoutShare: Holdout.share)

    /// Whether anything was learned.
    public var isEmpty: Bool { pools.isEmpty }

    /// The estimates for `account` on `network`: its own when it has posts, else its network's pool;
    /// `nil` when the network has no data at all (cold start: the default table decides).
    public func estimates(account: String, network: Network) -> AccountTimingEstimate? {
        if let own = accounts[AccountTimingEstimate.key(account, network)] { return own }
        return pools[network]
    }

    /// The pool of `network`'s accounts.
    public func pool(_ network: Network) -> AccountTimingEstimate? { pools[network] }
}
