/// A global campaign: posts that glocal expands into one variant per target account.
public struct Campaign: Sendable {
    /// Unique id (`campaign:`).
    public var id: Located<String>
    /// A display name.
    public var name: String?
    /// Promotional or informative, for the 80/20 rule.
    public var kind: Located<PostKind>
    /// The dates the campaign runs, inclusive.
    public var window: CampaignWindow
    /// Which accounts receive the campaign.
    public var targets: CampaignTargets
    /// Overrides the workspace's approval mode.
    public var approval: ApprovalMode?
    /// Overrides the workspace's approval deadline (how long before its slot a variant must be approved).
    public var approvalDeadline: GlocalDuration?
    /// The default link of every post, a URL that may contain `{locale}` and other variables.
    public var link: Located<String>?
    /// Whether links get UTM parameters (default true).
    public var utm: Bool
    /// Hashtags added to every post.
    public var hashtags: [Located<String>]
    /// The posts, in file order.
    public var posts: [Post]
    /// The campaign's file path.
    public var file: String

    /// Creates a campaign.
    public init(
        id: Located<String>, name: String? = nil, kind: Located<PostKind>, window: CampaignWindow,
        targets: CampaignTargets, approval: ApprovalMode? = nil, approvalDeadline: GlocalDuration? = nil,
        link: Located<String>? = nil, utm: Bool = true,
        hashtags: [Located<String>] = [], posts: [Post] = [], file: String
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.window = window
        self.targets = targets
        self.approval = approval
        self.approvalDeadline = approvalDeadline
        self.link = link
        self.utm = utm
        self.hashtags = hashtags
        self.posts = posts
        self.file = file
    }
}

/// Whether a post sells or informs (the 80/20 rule counts promotional posts).
public enum PostKind: String, Sendable, CaseIterable, Codable {
    /// Sells a product or an offer.
    case promotional
    /// Informs, advises or entertains.
    case informative
}

/// The inclusive date range of a campaign.
public struct CampaignWindow: Sendable {
    /// First day.
    public var start: Located<LocalDate>
    /// Last day (inclusive).
    public var end: Located<LocalDate>

    /// Creates a window.
    public init(start: Located<LocalDate>, end: Located<LocalDate>) {
        self.start = start
        self.end = end
    }

    /// Number of days, counting both ends.
    public var dayCount: Int { end.value.daysSinceEpoch - start.value.daysSinceEpoch + 1 }
}
