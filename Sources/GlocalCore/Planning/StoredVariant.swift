import Foundation

/// A variant as the store keeps it: content, slot and state.
public struct StoredVariant: Sendable, Equatable {
    /// The hash the planner compares with the YAML's: the planned content's, even after a local edit.
    public var plannedHash: String { sourceHash ?? contentHash }

    /// `campaign/post/account`.
    public var id: String
    /// The campaign id.
    public var campaignID: String
    /// The post id.
    public var postID: String
    /// The account id.
    public var accountID: String
    /// The network.
    public var network: Network
    /// The account's locale.
    public var locale: String
    /// Promotional or informative.
    public var kind: PostKind
    /// The text as published.
    public var text: String
    /// The title (YouTube).
    public var title: String?
    /// The link with UTM parameters.
    public var link: String?
    /// Where the link goes.
    public var linkPlacement: LinkPlacement
    /// Media paths.
    public var media: [String]
    /// A hash of everything a manager approves (text, title, link, placement, media); an edit changes it.
    public var contentHash: String
    /// The chosen instant in UTC; `nil` for a live post.
    public var scheduledAt: Date?
    /// The local wall time of the slot, `YYYY-MM-DD HH:MM`, for display.
    public var localTime: String?
    /// The account's time zone.
    public var timeZone: String
    /// Whether the post is live (goes as soon as approved).
    public var live: Bool
    /// Lifecycle state.
    public var state: VariantState
    /// Why this slot, as `rule: detail` lines.
    public var explanation: [ScheduleReason]
    /// The hash of the content the plan stored, once a manager edited it (`contentHash` is then the
    /// edit's); `nil` while the variant is as planned. The planner compares the YAML with this.
    public var sourceHash: String?

    /// Creates a stored variant.
    public init(
        id: String, campaignID: String, postID: String, accountID: String, network: Network, locale: String, kind: PostKind,
        text: String, title: String?, link: String?, linkPlacement: LinkPlacement, media: [String], contentHash: String,
        scheduledAt: Date?, localTime: String?, timeZone: String, live: Bool, state: VariantState,
        explanation: [ScheduleReason], sourceHash: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.postID = postID
        self.accountID = accountID
        self.network = network
        self.locale = locale
        self.kind = kind
        self.text = text
        self.title = title
        self.link = link
        self.linkPlacement = linkPlacement
        self.media = media
        self.contentHash = contentHash
        self.scheduledAt = scheduledAt
        self.localTime = localTime
        self.timeZone = timeZone
        self.live = live
        self.state = state
        self.explanation = explanation
        self.sourceHash = sourceHash
    }
}
