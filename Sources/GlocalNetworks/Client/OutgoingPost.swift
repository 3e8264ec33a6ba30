import Foundation
import GlocalCore

/// A variant ready to go out: everything a client needs, nothing it does not.
public struct OutgoingPost: Sendable {
    /// `campaign/post/account`.
    public var variantID: String
    /// The variant's idempotency key (``VariantIdentity/idempotencyKey(for:)``).
    public var idempotencyKey: String
    /// The network.
    public var network: Network
    /// The glocal account id.
    public var accountID: String
    /// The account's handle on the network.
    public var handle: String
    /// The account's locale (`fr-FR`); sent as the post's language where the network takes one.
    public var locale: String
    /// The final text (an `inline` link is already in it).
    public var text: String
    /// The title (YouTube, link cards).
    public var title: String?
    /// The link with UTM parameters.
    public var link: String?
    /// Where the link goes.
    public var linkPlacement: LinkPlacement
    /// Media in order.
    public var media: [MediaFile]
    /// Pinterest: the board the pin goes to (`board_id`).
    public var boardID: String? = nil
    /// Pinterest: the pin's alt text, when the campaign sets one (else the image's `alt`).
    public var pinAltText: String? = nil
    /// Google Business Profile: the location posted to (`accounts/{a}/locations/{l}`).
    public var businessLocation: String? = nil
    /// Google Business Profile: the topic type, event, offer and button.
    public var businessPost: GoogleBusinessPostDetails? = nil
    /// YouTube's own settings (tags, privacy, notify subscribers, category); YouTube's defaults when `nil`.
    public var youtube: YouTubeVideoOptions?
    /// TikTok's own settings (privacy level, interactions, disclosure); public with everything on when `nil`.
    public var tiktok: TikTokPostOptions?

    /// Creates an outgoing post; the idempotency key defaults to the one derived from `variantID`.
    public init(
        variantID: String, idempotencyKey: String? = nil, network: Network, accountID: String, handle: String,
        locale: String, text: String, title: String? = nil, link: String? = nil, linkPlacement: LinkPlacement = .inline,
        media: [MediaFile] = [], youtube: YouTubeVideoOptions? = nil, tiktok: TikTokPostOptions? = nil
    ) {
        self.variantID = variantID
        self.idempotencyKey = idempotencyKey ?? VariantIdentity.idempotencyKey(for: variantID)
        self.network = network
        self.accountID = accountID
        self.handle = handle
        self.locale = locale
        self.text = text
        self.title = title
        self.link = link
        self.linkPlacement = linkPlacement
        self.media = media
        self.youtube = youtube
        self.tiktok = tiktok
    }

    /// The language subtag (`fr` for `fr-FR`), as networks' `language`/`langs` fields want it.
    public var languageCode: String {
        String(locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(locale)).lowercased()
    }

    /// The link to publish separately (`first_comment` or `reply`), if any.
    public var separateLink: String? {
        guard let link, linkPlacement == .firstComment || linkPlacement == .reply else { return nil }
        return link
    }
}
