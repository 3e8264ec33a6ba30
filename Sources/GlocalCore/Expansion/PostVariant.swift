/// One campaign post made ready for one account: final text, link, media, and where each part came from.
public struct PostVariant: Sendable {
    /// Stable, readable id: `campaign/post/account` (derived, so that checking 200 000 variants
    /// does not build 200 000 strings nobody reads).
    public var id: String { VariantIdentity.id(campaign: campaignID, post: postID, account: accountID) }
    /// Derived from ``id``; sent to networks as the idempotency key when publishing.
    public var idempotencyKey: String { VariantIdentity.idempotencyKey(for: id) }
    /// The campaign's id.
    public var campaignID: String
    /// The post's id.
    public var postID: String
    /// The account's id.
    public var accountID: String
    /// The account's network.
    public var network: Network
    /// The account's locale.
    public var locale: String
    /// Promotional or informative (post kind, else campaign kind).
    public var kind: PostKind
    /// The text exactly as it will be published.
    public var text: String
    /// The title (YouTube), rendered.
    public var title: String?
    /// The link with UTM parameters, if the post has one.
    public var link: String?
    /// Where the link goes.
    public var linkPlacement: LinkPlacement
    /// Hashtags without `#`, in order.
    public var hashtags: [String]
    /// Media attached on this network.
    public var media: [MediaReference]
    /// The planned day, `window.start + day`.
    public var date: LocalDate
    /// An explicit local time, if the post gives one.
    public var time: LocalTime?
    /// A live post: goes as soon as approved.
    public var live: Bool
    /// May be scheduled on a holiday.
    public var holiday: Bool
    /// Where the text came from.
    public var textOrigin: TextOrigin
    /// Where the title came from.
    public var titleOrigin: TextOrigin?
    /// Where the post, its media, hashtags and link are written; shared by the post's variants on one network.
    public var source: VariantSource

    /// Where the post is declared in its campaign file.
    public var postLocation: SourceLocation { source.postLocation }
    /// Where the media list is written (override or post), for media diagnostics.
    public var mediaLocation: SourceLocation { source.mediaLocation }
    /// Where the hashtags are written, for hashtag diagnostics.
    public var hashtagsLocation: SourceLocation { source.hashtagsLocation }
    /// Where the link placement is written (or the post when defaulted).
    public var linkLocation: SourceLocation { source.linkLocation }
    /// Where the link itself is written (override, post or campaign), else ``linkLocation``.
    public var linkValueLocation: SourceLocation { source.linkValueLocation }
}

/// The source positions behind a post's variants on one network. A class, so that the thousands of
/// variants of one post share one copy instead of carrying four locations each.
public final class VariantSource: Sendable {
    /// Where the post is declared in its campaign file.
    public let postLocation: SourceLocation
    /// Where the media list is written (override or post).
    public let mediaLocation: SourceLocation
    /// Where the hashtags are written.
    public let hashtagsLocation: SourceLocation
    /// Where the link placement is written (or the post when defaulted).
    public let linkLocation: SourceLocation
    /// Where the link itself is written (the override's, the post's or the campaign's `link`).
    public let linkValueLocation: SourceLocation
    /// Where each of the variant's hashtags is written, in the order of ``PostVariant/hashtags``; empty when
    /// the hashtags have no place of their own (an edited variant).
    public let hashtagLocations: [SourceLocation]

    /// Creates the positions of one post on one network.
    public init(
        postLocation: SourceLocation, mediaLocation: SourceLocation, hashtagsLocation: SourceLocation,
        linkLocation: SourceLocation, linkValueLocation: SourceLocation? = nil, hashtagLocations: [SourceLocation] = []
    ) {
        self.postLocation = postLocation
        self.mediaLocation = mediaLocation
        self.hashtagsLocation = hashtagsLocation
        self.linkLocation = linkLocation
        self.linkValueLocation = linkValueLocation ?? linkLocation
        self.hashtagLocations = hashtagLocations
    }

    /// Where the variant's hashtag at `index` is written, else where its hashtags are.
    public func hashtagLocation(at index: Int) -> SourceLocation {
        hashtagLocations.indices.contains(index) ? hashtagLocations[index] : hashtagsLocation
    }
}

/// Where a variant's text came from: the string key, the locale that had it, and the source positions.
/// A class: every variant of one post in one locale shares it.
public final class TextOrigin: Sendable {
    /// The string key.
    public let key: String
    /// The locale whose file had the text (differs from the account's locale after a fallback).
    public let locale: String
    /// The translated string's value in its locale file.
    public let location: SourceLocation
    /// Where the campaign refers to the key.
    public let referenceLocation: SourceLocation
    /// The translated string as written, before templating.
    public let string: LocalizedString

    /// Creates an origin.
    public init(key: String, locale: String, location: SourceLocation, referenceLocation: SourceLocation, string: LocalizedString)
    {
        self.key = key
        self.locale = locale
        self.location = location
        self.referenceLocation = referenceLocation
        self.string = string
    }
    /// The text as written, before templating.
    public var text: String { string.text }
}

/// Derives stable identifiers for variants.
public enum VariantIdentity {
    /// `campaign/post/account`.
    public static func id(campaign: String, post: String, account: String) -> String { "\(campaign)/\(post)/\(account)" }

    /// A 16-hex-digit FNV-1a hash of the id, prefixed `glocal-`: stable across runs and machines.
    public static func idempotencyKey(for id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "glocal-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
