/// Changes to a post on one network (`networks: {x: {...}}`); unset fields keep the post's value.
public struct PostNetworkOverride: Sendable {
    /// The network it applies to.
    public var network: Located<Network>
    /// Another string key for the text.
    public var text: Located<String>?
    /// Another string key for the title.
    public var title: Located<String>?
    /// Another link, or `none`.
    public var link: Located<String>?
    /// Another link placement.
    public var linkPlacement: Located<LinkPlacement>?
    /// Other media (replaces the post's).
    public var media: [MediaReference]?
    /// Other hashtags (replace the campaign's and the post's).
    public var hashtags: [Located<String>]?
    /// Leave this network out for this post.
    public var skip: Bool
    /// Pinterest's own keys (`board`, `alt_text`), on a `pinterest` override.
    public var pinterest: PinterestOverride? = nil
    /// Google Business Profile's own keys (`topic_type`, `event`, `offer`, `call_to_action`), on a `google_business` one.
    public var googleBusiness: Located<GoogleBusinessPostDetails>? = nil
    /// YouTube's own settings (tags, privacy, notify_subscribers, category), on a `youtube` override.
    public var youtube: YouTubeOverride?
    /// TikTok's own settings (privacy level, interactions, branded-content disclosure), on a `tiktok` override.
    public var tiktok: TikTokOverride?

    /// Creates an override.
    public init(
        network: Located<Network>, text: Located<String>? = nil, title: Located<String>? = nil,
        link: Located<String>? = nil, linkPlacement: Located<LinkPlacement>? = nil, media: [MediaReference]? = nil,
        hashtags: [Located<String>]? = nil, skip: Bool = false,
        youtube: YouTubeOverride? = nil, tiktok: TikTokOverride? = nil
    ) {
        self.network = network
        self.text = text
        self.title = title
        self.link = link
        self.linkPlacement = linkPlacement
        self.media = media
        self.hashtags = hashtags
        self.skip = skip
        self.youtube = youtube
        self.tiktok = tiktok
    }
}
