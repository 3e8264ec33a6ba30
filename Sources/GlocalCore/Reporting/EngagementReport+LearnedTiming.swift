extension EngagementReport {
    /// One of an account's learned best buckets: its estimated score with its uncertainty.
    public struct LearnedHour: Sendable, Codable, Equatable {
        /// ISO weekday 1…7.
        public var weekday: Int
        /// First local hour of the two-hour block (0, 2 … 22).
        public var hour: Int
        /// `Tue 10-12`.
        public var label: String
        /// Posterior mean of the score (log ratio to the account's median; 0 = usual).
        public var score: Double
        /// Posterior standard deviation of that mean.
        public var uncertainty: Double
        /// The account's own scored posts in this bucket: 0 when the peak model inferred it from the
        /// account's other hours (its daily curve) without a post there yet.
        public var posts: Int
    }

    /// What the holdout measured: posts placed by the learner against posts placed by the default table.
    public struct HoldoutLift: Sendable, Codable, Equatable {
        /// Scored posts placed by the learner.
        public var learnedPosts: Int
        /// Scored holdout posts (placed by the default table).
        public var holdoutPosts: Int
        /// ``HoldoutLiftEstimate/lift``: learner's against holdout posts within each account and 28-day
        /// period; `nil` without such a period with posts on both sides.
        public var lift: Double?
        /// The 95 % interval of `lift`.
        public var low: Double?, high: Double?

        /// Creates it with posts and no estimate yet.
        public init(learnedPosts: Int, holdoutPosts: Int) {
            self.learnedPosts = learnedPosts
            self.holdoutPosts = holdoutPosts
        }

        /// The report's view of `estimate`.
        public init(_ estimate: HoldoutLiftEstimate) {
            self.init(learnedPosts: estimate.learnedPosts, holdoutPosts: estimate.holdoutPosts)
            lift = estimate.lift
            low = estimate.interval?.low
            high = estimate.interval?.high
        }
    }

    /// Learned timing of one account on one network.
    public struct LearnedTimingRow: Sendable, Codable, Equatable {
        /// The account and network.
        public var account: String, network: String
        /// Its scored posts.
        public var scoredPosts: Int
        /// Its best buckets, best first (up to three).
        public var bestHours: [LearnedHour]
        /// The lift its own holdout measured.
        public var holdout: HoldoutLift
    }
}
