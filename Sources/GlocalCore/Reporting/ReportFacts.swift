import Foundation

/// What the period report knows of one variant, read in one query: where it went, when it was due
/// and went out, its latest engagement reading and its latest approval.
public struct ReportFacts: Sendable, Equatable {
    /// `campaign/post/account`.
    public var variantID: String
    /// The campaign.
    public var campaignID: String
    /// The account.
    public var accountID: String
    /// The network.
    public var network: Network
    /// The locale.
    public var locale: String
    /// The account's time zone.
    public var timeZone: String
    /// Its slot; `nil` for a live post.
    public var scheduledAt: Date?
    /// When it went out, if it did.
    public var publishedAt: Date?
    /// Interactions at the latest reading, if any.
    public var engagement: Int?
    /// The network's counters at the latest reading (empty without one).
    public var counters: [String: Int]
    /// Its latest approval, if it was approved.
    public var approvedAt: Date?

    /// Creates the facts of one variant.
    public init(
        variantID: String, campaignID: String, accountID: String, network: Network, locale: String, timeZone: String,
        scheduledAt: Date?, publishedAt: Date?, engagement: Int?, counters: [String: Int], approvedAt: Date?
    ) {
        self.variantID = variantID
        self.campaignID = campaignID
        self.accountID = accountID
        self.network = network
        self.locale = locale
        self.timeZone = timeZone
        self.scheduledAt = scheduledAt
        self.publishedAt = publishedAt
        self.engagement = engagement
        self.counters = counters
        self.approvedAt = approvedAt
    }
}
