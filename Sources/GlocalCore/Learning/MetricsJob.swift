import Foundation

/// One engagement reading to take: a published variant at one checkpoint after publication.
public struct MetricsJob: Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The variant.
    public var variantID: String
    /// Its account.
    public var accountID: String
    /// Its network.
    public var network: Network
    /// Seconds after publication (3600, 86400, 604800 by default).
    public var checkpoint: Int
    /// When the reading is due.
    public var dueAt: Date
    /// When it may run next.
    public var runAt: Date
    /// Claims so far that counted.
    public var attempts: Int
    /// `scheduled`, `completed` or `discarded`.
    public var state: String

    /// Creates a reading as a store read it back.
    public init(
        id: Int64, variantID: String, accountID: String, network: Network, checkpoint: Int, dueAt: Date, runAt: Date,
        attempts: Int, state: String
    ) {
        self.id = id
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.checkpoint = checkpoint
        self.dueAt = dueAt
        self.runAt = runAt
        self.attempts = attempts
        self.state = state
    }
}

/// One reading of a post's counters.
public struct MetricSample: Sendable, Equatable, Codable {
    /// The variant.
    public var variantID: String
    /// The checkpoint it was read for, in seconds after publication.
    public var checkpoint: Int
    /// When it was read.
    public var fetchedAt: Date
    /// The network's counters by its own names.
    public var counters: [String: Int]
    /// Interactions (``EngagementScore/total(_:)``).
    public var engagement: Int

    /// Creates a sample.
    public init(variantID: String, checkpoint: Int, fetchedAt: Date, counters: [String: Int], engagement: Int) {
        self.variantID = variantID
        self.checkpoint = checkpoint
        self.fetchedAt = fetchedAt
        self.counters = counters
        self.engagement = engagement
    }
}
