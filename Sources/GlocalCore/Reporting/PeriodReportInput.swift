import Foundation

/// One variant as the period report sees it.
public struct PeriodPost: Sendable, Hashable {
    /// `campaign/post/account`.
    public var variantID: String
    /// The campaign.
    public var campaignID: String
    /// The account.
    public var accountID: String
    /// The account's team (its first team in `glocal.yaml`), or `(no team)`.
    public var team: String
    /// The network.
    public var network: Network
    /// The locale.
    public var locale: String
    /// The account's time zone (the heatmap's weekday and hour are local to it).
    public var timeZone: String
    /// Its slot; `nil` for a live post.
    public var scheduledAt: Date?
    /// When it went out, if it did.
    public var publishedAt: Date?
    /// Interactions at its latest reading, if any.
    public var engagement: Int?
    /// People reached at its latest reading, when the network reports it (see ``ReportReach``).
    public var reach: Int?

    /// Creates a post.
    public init(
        variantID: String, campaignID: String, accountID: String, team: String, network: Network, locale: String,
        timeZone: String, scheduledAt: Date?, publishedAt: Date?, engagement: Int?, reach: Int?
    ) {
        self.variantID = variantID
        self.campaignID = campaignID
        self.accountID = accountID
        self.team = team
        self.network = network
        self.locale = locale
        self.timeZone = timeZone
        self.scheduledAt = scheduledAt
        self.publishedAt = publishedAt
        self.engagement = engagement
        self.reach = reach
    }

    /// Seconds from its slot to its publication; `nil` unless both are known.
    public var delay: TimeInterval? {
        guard let publishedAt, let scheduledAt else { return nil }
        return publishedAt.timeIntervalSince(scheduledAt)
    }
}

/// A variant's approval and the deadline it had to meet.
public struct PeriodApproval: Sendable, Hashable {
    /// The variant.
    public var variantID: String
    /// When it was approved (its latest approval).
    public var approvedAt: Date
    /// The last instant it could be approved (slot minus the campaign's approval deadline); `nil` for a live post.
    public var deadline: Date?

    /// Creates an approval.
    public init(variantID: String, approvedAt: Date, deadline: Date?) {
        self.variantID = variantID
        self.approvedAt = approvedAt
        self.deadline = deadline
    }

    /// Approved at or before its deadline; a live post has none to miss.
    public var onTime: Bool { deadline.map { approvedAt <= $0 } ?? true }
}
