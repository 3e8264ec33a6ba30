import Foundation

/// One published post and its engagement at the scoring checkpoint (24 h; 7 d for YouTube).
public struct EngagementRecord: Sendable, Hashable, Codable {
    /// The variant id.
    public var variantID: String
    /// The account.
    public var accountID: String
    /// The network.
    public var network: Network
    /// The local weekday and two-hour block it went out in.
    public var bucket: TimingBucket
    /// Interactions at the checkpoint (``EngagementScore/total(_:)``).
    public var engagement: Double
    /// When it went out.
    public var publishedAt: Date
    /// The account's region (its time zone, e.g. `Europe/Paris`): accounts of one network and region
    /// share a pool (empty: the network's pool only).
    public var region: String
    /// Interactions at the early reading (+1 h, ``earlyCheckpoint``), when it was taken: `nil` for a post
    /// measured before it was read or a network that gave none. Its share of ``engagement`` says how active
    /// the audience was at the post's hour (``EarlyReadingEvidence``).
    public var earlyEngagement: Double?

    /// The early reading's checkpoint, in seconds after publication (the first of ``EngagementCheckpoints/standardReadings``).
    public static let earlyCheckpoint = 3_600

    /// Creates a record.
    public init(
        variantID: String, accountID: String, network: Network, bucket: TimingBucket, engagement: Double, publishedAt: Date,
        region: String = "", earlyEngagement: Double? = nil
    ) {
        self.earlyEngagement = earlyEngagement
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.bucket = bucket
        self.engagement = engagement
        self.publishedAt = publishedAt
        self.region = region
    }
}

/// One scored post, the estimator's input.
public struct EngagementObservation: Sendable, Hashable, Codable {
    /// The variant id.
    public var variantID: String
    /// The account.
    public var accountID: String
    /// The network.
    public var network: Network
    /// Where it went out.
    public var bucket: TimingBucket
    /// Log ratio to the account's trailing median.
    public var score: Double
    /// When it went out (older observations weigh less).
    public var publishedAt: Date
    /// The account's region (see ``EngagementRecord/region``).
    public var region: String
    /// `log(engagement + 1)`, when known: the peak model compares an account's posts on it rather than on
    /// the score, whose trailing median rises as the learner finds better hours (later posts would look worse).
    public var logEngagement: Double?
    /// Interactions at the early reading (see ``EngagementRecord/earlyEngagement``).
    public var earlyEngagement: Double?

    /// Creates an observation.
    public init(
        variantID: String, accountID: String, network: Network, bucket: TimingBucket, score: Double, publishedAt: Date,
        region: String = "", logEngagement: Double? = nil, earlyEngagement: Double? = nil
    ) {
        self.earlyEngagement = earlyEngagement
        self.logEngagement = logEngagement
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.bucket = bucket
        self.score = score
        self.publishedAt = publishedAt
        self.region = region
    }
}
