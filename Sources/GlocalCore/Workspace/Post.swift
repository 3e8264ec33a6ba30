/// One post of a campaign, before it is expanded per account.
public struct Post: Sendable {
    /// Id, unique within the campaign.
    public var id: Located<String>
    /// Days after the campaign's start (0 = first day); `nil` lets the scheduler choose.
    public var day: Located<Int>?
    /// An explicit local time, overriding the network's best window.
    public var at: Located<LocalTime>?
    /// Overrides the campaign's kind for this post.
    public var kind: Located<PostKind>?
    /// The string key of the text.
    public var text: Located<String>
    /// The string key of the title (YouTube).
    public var title: Located<String>?
    /// Overrides the campaign's link; `none` removes it.
    public var link: Located<String>?
    /// Where the link goes.
    public var linkPlacement: Located<LinkPlacement>?
    /// Images and videos, paths relative to the workspace.
    public var media: [MediaReference]
    /// Hashtags, without `#`, added after the campaign's.
    public var hashtags: [Located<String>]
    /// Must come at least `minGap` after another post of the campaign.
    public var after: PostSequencing?
    /// A live or event post: published as soon as approved, outside the usual windows.
    public var live: Bool
    /// A post made for a holiday may be scheduled on that holiday.
    public var holiday: Bool
    /// Narrows the campaign's targets for this post.
    public var targets: CampaignTargets?
    /// Per-network changes.
    public var overrides: [PostNetworkOverride]

    /// Creates a post.
    public init(
        id: Located<String>, day: Located<Int>? = nil, at: Located<LocalTime>? = nil, kind: Located<PostKind>? = nil,
        text: Located<String>, title: Located<String>? = nil, link: Located<String>? = nil,
        linkPlacement: Located<LinkPlacement>? = nil, media: [MediaReference] = [], hashtags: [Located<String>] = [],
        after: PostSequencing? = nil, live: Bool = false, holiday: Bool = false, targets: CampaignTargets? = nil,
        overrides: [PostNetworkOverride] = []
    ) {
        self.id = id
        self.day = day
        self.at = at
        self.kind = kind
        self.text = text
        self.title = title
        self.link = link
        self.linkPlacement = linkPlacement
        self.media = media
        self.hashtags = hashtags
        self.after = after
        self.live = live
        self.holiday = holiday
        self.targets = targets
        self.overrides = overrides
    }

    /// The override for `network`, if any.
    public func override(for network: Network) -> PostNetworkOverride? {
        overrides.first { $0.network.value == network }
    }
}

/// `after: {post: teaser, min_gap: 36h}`: order between two posts of a campaign.
public struct PostSequencing: Sendable {
    /// The post that must go first.
    public var post: Located<String>
    /// The least time between the two.
    public var minGap: Located<GlocalDuration>?

    /// Creates a sequencing constraint.
    public init(post: Located<String>, minGap: Located<GlocalDuration>?) {
        self.post = post
        self.minGap = minGap
    }
}
