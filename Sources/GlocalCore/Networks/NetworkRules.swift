/// The editorial and technical rules of one network: limits, counting, media and links.
///
/// All numbers live in ``NetworkRules/table`` so that a change in a network's
/// documentation is a one-line change here.
public struct NetworkRules: Sendable, Equatable {
    /// The network these rules apply to.
    public var network: Network
    /// Maximum text length, in ``textCounting`` units.
    public var maxTextLength: Int
    /// How text length is counted.
    public var textCounting: TextCountingMethod
    /// A second limit in UTF-8 bytes (Bluesky), if any.
    public var maxTextBytes: Int?
    /// How much one URL counts towards the limit, if the network discounts URLs.
    public var urlWeight: Int?
    /// Maximum title length in graphemes (YouTube), if the network has titles.
    public var maxTitleLength: Int?
    /// Whether a post must carry a title (YouTube).
    public var requiresTitle: Bool
    /// Whether at least one media item is required.
    public var requiresMedia: Bool
    /// Whether the media must be a video (YouTube, TikTok).
    public var requiresVideo: Bool
    /// Maximum number of images in one post.
    public var maxImages: Int
    /// Maximum number of videos in one post.
    public var maxVideos: Int
    /// Whether images and videos may be mixed in one post.
    public var allowsMixedMedia: Bool
    /// Largest accepted image file, in bytes, if the network documents one.
    public var maxImageBytes: Int?
    /// Narrowest accepted image aspect ratio (width / height), if any.
    public var minAspectRatio: Double?
    /// Widest accepted image aspect ratio (width / height), if any.
    public var maxAspectRatio: Double?
    /// Shortest accepted video, in seconds, if the network documents one.
    public var minVideoSeconds: Double? = nil
    /// Longest accepted video, in seconds, if the network documents one.
    public var maxVideoSeconds: Double? = nil
    /// Largest accepted video file, in bytes, if the network documents one.
    public var maxVideoBytes: Int? = nil
    /// Narrowest accepted video aspect ratio (width / height), if the network documents a range.
    public var minVideoAspectRatio: Double? = nil
    /// Widest accepted video aspect ratio (width / height), if the network documents a range.
    public var maxVideoAspectRatio: Double? = nil
    /// Largest accepted image picture, in pixels (width × height), if the network states one (Mastodon).
    public var maxImagePixels: Int? = nil
    /// Largest accepted video picture, in pixels (width × height), if the network states one (Mastodon).
    public var maxVideoPixels: Int? = nil
    /// The video formats the network accepts, if it documents them (`nil`: not checked).
    public var videoFormats: Set<MediaFormat>? = nil
    /// The image formats the network accepts, if it documents them (`nil`: not checked).
    public var imageFormats: Set<MediaFormat>? = nil
    /// What the network does with an image's alt text, and its length limit (see ``AltTextRule``).
    public var altText: AltTextRule = .notSent
    /// Whether the post's link goes in a field of its own rather than into the text (Pinterest's destination link,
    /// Google Business Profile's button): an `inline` link is sent there and not appended to the text.
    public var linkInOwnField = false
    /// The longest accepted link, in characters, if the network documents one (Pinterest 2 048).
    public var maxLinkLength: Int? = nil
    /// Whether a link published on its own (`reply`) is shown shortened, its whole URL in a facet (Bluesky, as its own
    /// apps do): see ``separateLinkText(for:)``.
    public var shortensSeparateLink = false
    /// Hard maximum number of hashtags, if any.
    public var maxHashtags: Int?
    /// Recommended maximum number of hashtags (a warning above it).
    public var recommendedHashtags: Int?
    /// Maximum number of @mentions, if any.
    public var maxMentions: Int?
    /// Characters the network refuses in the text.
    public var forbiddenCharacters: Set<Unicode.Scalar>
    /// Whether links in the text are clickable.
    public var clickableLinks: Bool
    /// Where a link may be placed on this network.
    public var allowedLinkPlacements: Set<LinkPlacement>
    /// Whether an inline link costs feed reach (a warning suggests another placement).
    public var inlineLinkReducesReach: Bool
    /// Whether identical text on several accounts is forbidden (X automation rules).
    public var requiresDistinctTextAcrossAccounts: Bool
    /// Whether only the first hashtag is kept as a topic (Threads).
    public var singleTopicTag: Bool
    /// Whether CamelCase hashtags are recommended for screen readers (Mastodon).
    public var recommendsCamelCaseHashtags: Bool

    /// The rules of `network`, from the built-in table.
    public static func forNetwork(_ network: Network) -> NetworkRules {
        ordered[network.ordinal]
    }

    /// The text of the reply or first comment that carries a `reply` or `first_comment` link: the link itself, or on
    /// a network that ``shortensSeparateLink``, the link as ``ShortLinkText`` shows it. `glocal validate` measures this
    /// text against the network's text limit (`link.too-long`), and the clients send it.
    public func separateLinkText(for link: String) -> String {
        shortensSeparateLink ? ShortLinkText.of(link) : link
    }

    /// The table as an array in `Network.allCases` order: looked up for every variant, so no hashing.
    private static let ordered: [NetworkRules] = Network.allCases.map { table[$0]! }
}
