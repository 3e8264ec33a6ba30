import Foundation

/// One variant as the engagement report sees it.
public struct ReportPost: Sendable, Hashable {
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
    /// Promotional or informative (the 80/20 rule).
    public var kind: PostKind
    /// The account's time zone.
    public var timeZone: String
    /// Its slot; `nil` for a live post not sent yet.
    public var scheduledAt: Date?
    /// When it went out, if it did.
    public var publishedAt: Date?
    /// Interactions at its latest reading, if any.
    public var engagement: Int?
    /// Whether it counts toward the account's post volume (not cancelled, rejected or failed).
    public var counts: Bool
    /// Interactions at the reading that scores it for learned timing (+24 h; +7 d on YouTube), if taken.
    public var scoringEngagement: Int?

    /// Creates a post.
    public init(
        variantID: String, campaignID: String, accountID: String, network: Network, locale: String, kind: PostKind,
        timeZone: String, scheduledAt: Date?, publishedAt: Date?, engagement: Int?, counts: Bool = true,
        scoringEngagement: Int? = nil
    ) {
        self.scoringEngagement = scoringEngagement
        self.variantID = variantID
        self.campaignID = campaignID
        self.accountID = accountID
        self.network = network
        self.locale = locale
        self.kind = kind
        self.timeZone = timeZone
        self.scheduledAt = scheduledAt
        self.publishedAt = publishedAt
        self.engagement = engagement
        self.counts = counts
    }
}

/// When a variant was sent for approval and when it was approved.
public struct ApprovalRecord: Sendable, Hashable {
    /// The variant.
    public var variantID: String
    /// Its account (teams are sets of accounts).
    public var accountID: String
    /// Sent for approval.
    public var requestedAt: Date
    /// Approved.
    public var approvedAt: Date

    /// Creates a record.
    public init(variantID: String, accountID: String, requestedAt: Date, approvedAt: Date) {
        self.variantID = variantID
        self.accountID = accountID
        self.requestedAt = requestedAt
        self.approvedAt = approvedAt
    }
}

/// Everything the engagement report is computed from; built by the CLI (or the web UI) from the store.
public struct EngagementReportInput: Sendable {
    /// The variants.
    public var posts: [ReportPost]
    /// Approvals, for turnaround per team.
    public var approvals: [ApprovalRecord]
    /// Teams: name and account patterns (globs), in order; an account counts for its first team.
    public var teams: [(name: String, accounts: [String])]
    /// Only this campaign, if set.
    public var campaign: String?
    /// The 80/20 rule's limit and window.
    public var promotionalShareMax: Double
    /// Days in the rolling window of the 80/20 rule.
    public var promotionalWindowDays: Int
    /// A post is on time when it went out at most this many seconds after its slot.
    public var onTimeTolerance: TimeInterval
    /// Rows in the top and bottom lists.
    public var topCount: Int
    /// The default timing table learned timing starts from.
    public var timing: TimingTable
    /// The holdout's share, as the scheduler's.
    public var holdoutShare: Double

    /// Creates an input.
    public init(
        posts: [ReportPost], approvals: [ApprovalRecord] = [], teams: [(name: String, accounts: [String])] = [],
        campaign: String? = nil,
        promotionalShareMax: Double = 0.2, promotionalWindowDays: Int = 28, onTimeTolerance: TimeInterval = 60, topCount: Int = 5,
        timing: TimingTable = .standard, holdoutShare: Double = LearnedTiming.empty.holdoutShare
    ) {
        self.posts = posts
        self.approvals = approvals
        self.teams = teams
        self.campaign = campaign
        self.promotionalShareMax = promotionalShareMax
        self.promotionalWindowDays = promotionalWindowDays
        self.onTimeTolerance = onTimeTolerance
        self.topCount = topCount
        self.timing = timing
        self.holdoutShare = holdoutShare
    }
}
