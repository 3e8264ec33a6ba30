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
    }

    /// What the holdout measured: posts placed by the learner against posts placed by the default table.
    public struct HoldoutLift: Sendable, Codable, Equatable {
        /// Scored posts placed by the learner.
        public var learnedPosts: Int
        /// Scored holdout posts (placed by the default table).
        public var holdoutPosts: Int
        /// `exp(mean learned score − mean holdout score) − 1`; `nil` without posts on both sides.
        public var lift: Double?
        /// The 95 % interval of `lift` (normal approximation on the score difference).
        public var low: Double?, high: Double?
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
