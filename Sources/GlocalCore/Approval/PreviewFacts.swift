/// How one network's feed shows a post, for previews: where it folds the text, how it writes links, how it
/// crops and lays out images, and how it names the account.
///
/// These are display facts, not publishing rules, so they live here rather than in ``NetworkRules``. The
/// fold points are what each network's web feed showed on a desktop browser in 2026 and match the figures
/// commonly cited for them; no network documents them in its API specification, and phones may fold earlier.
///
/// | network | fold | label | links shown as | one image | several images |
/// |---|---|---|---|---|---|
/// | X | 280 | Show more | no scheme, 23 characters then … | 16:9 | grid of 2 to 4 |
/// | Bluesky | none | | host + 13 path characters then ... | 4:3 | grid of 2 to 4 |
/// | Mastodon | none | | no scheme, 30 characters then … | 16:9 | grid of 2 to 4 |
/// | Threads | none | | no scheme, 30 characters then … | 4:5 | carousel |
/// | LinkedIn | 210 or 3 lines | …see more | lnkd.in short link | 1.91:1 | grid |
/// | Facebook | 477 or 5 lines | … See more | no scheme, 40 characters then … | 1:1 | grid |
/// | Instagram | 125 or 2 lines | … more | not a link (plain text) | 1:1 | carousel |
/// | YouTube | 157 or 3 lines | ...more | no scheme, 40 characters then … | 16:9 player | |
/// | TikTok | 100 or 2 lines | … more | not a link (plain text) | 9:16 player | |
/// | Pinterest | 100 (description under the pin) | … more | not a link (plain text; the pin itself links) | 2:3 | |
/// | Google Business Profile | 120 or 3 lines | More | not a link (plain text; the button links) | 4:3 | |
///
/// Every display drops `utm_` query parameters: the feed's short form never reaches the query on the
/// networks that cut links, and the published link keeps them.
public struct PreviewFacts: Sendable, Equatable {
    /// How a network writes a link in a post's text.
    public enum LinkDisplay: Sendable, Equatable {
        /// Without scheme and `www.`, cut to this many characters with `…` (X, Mastodon).
        case withoutScheme(maxLength: Int)
        /// Host, then the path (with query and fragment) cut to 13 characters plus `...` when longer than 15 (Bluesky).
        case hostAndShortPath
        /// A short link on the network's own domain (LinkedIn's lnkd.in).
        case shortener(String)
        /// Not a link: the text as written (Instagram, TikTok captions).
        case plainText
    }

    /// Who decides which parts of a post's text are live (links, tags, mentions).
    public enum LiveParts: Sendable, Equatable {
        /// The network finds them in the text, by the rules glocal counts with.
        case foundByNetwork
        /// Only what glocal's facets make live (``BlueskyRichText``): links written with a scheme, the variant's own
        /// link whole, tags; no mentions.
        case blueskyFacets
    }

    /// How several images are laid out.
    public enum ImageLayout: Sendable, Equatable {
        /// Side by side, then in rows of two.
        case grid
        /// One at a time, swiped sideways.
        case carousel
        /// A video player (YouTube, TikTok): the first media item only.
        case player
    }

    /// The feed shows at most this many characters (graphemes of the displayed text) before the fold.
    public var foldLength: Int?
    /// The feed shows at most this many lines before the fold.
    public var foldLines: Int?
    /// The label after the fold (`… more`).
    public var foldLabel: String
    /// How links read.
    public var linkDisplay: LinkDisplay
    /// The crop of a post's only image (width:height, e.g. `16:9`).
    public var singleImageAspect: String
    /// The crop of each image when there are several.
    public var multipleImageAspect: String
    /// How several images are laid out.
    public var imageLayout: ImageLayout
    /// Whether a link in a post without media becomes a preview card.
    public var buildsLinkCard: Bool
    /// Whether only a URL with a scheme (`https://…`) becomes a link, as on Mastodon and Bluesky (glocal's facets);
    /// elsewhere `example.com` does too.
    public var linksNeedScheme: Bool
    /// Whether glocal posts to the network through a webhook (no public API of its own).
    public var reachesWebhook: Bool
    /// Who decides which parts of the text are live.
    public var liveParts: LiveParts = .foundByNetwork

    /// The facts of `network`.
    public static func of(_ network: Network) -> PreviewFacts {
        switch network {
        case .x:
            return PreviewFacts(
                foldLength: 280, foldLines: nil, foldLabel: "Show more", linkDisplay: .withoutScheme(maxLength: 23),
                singleImageAspect: "16:9", multipleImageAspect: "1:1", imageLayout: .grid, buildsLinkCard: true,
                linksNeedScheme: false, reachesWebhook: false)
        case .bluesky:
            return PreviewFacts(
                foldLength: nil, foldLines: nil, foldLabel: "", linkDisplay: .hostAndShortPath,
                singleImageAspect: "4:3", multipleImageAspect: "1:1", imageLayout: .grid, buildsLinkCard: true,
                linksNeedScheme: true, reachesWebhook: false, liveParts: .blueskyFacets)
        case .mastodon:
            return PreviewFacts(
                foldLength: nil, foldLines: nil, foldLabel: "", linkDisplay: .withoutScheme(maxLength: 30),
                singleImageAspect: "16:9", multipleImageAspect: "16:9", imageLayout: .grid, buildsLinkCard: true,
                linksNeedScheme: true, reachesWebhook: false)
        case .threads:
            return PreviewFacts(
                foldLength: nil, foldLines: nil, foldLabel: "", linkDisplay: .withoutScheme(maxLength: 30),
                singleImageAspect: "4:5", multipleImageAspect: "4:5", imageLayout: .carousel, buildsLinkCard: true,
                linksNeedScheme: false, reachesWebhook: false)
        case .linkedin:
            return PreviewFacts(
                foldLength: 210, foldLines: 3, foldLabel: "…see more", linkDisplay: .shortener("lnkd.in"),
                singleImageAspect: "1.91:1", multipleImageAspect: "1:1", imageLayout: .grid, buildsLinkCard: true,
                linksNeedScheme: false, reachesWebhook: false)
        case .facebook:
            return PreviewFacts(
                foldLength: 477, foldLines: 5, foldLabel: "… See more", linkDisplay: .withoutScheme(maxLength: 40),
                singleImageAspect: "1:1", multipleImageAspect: "1:1", imageLayout: .grid, buildsLinkCard: true,
                linksNeedScheme: false, reachesWebhook: false)
        case .instagram:
            return PreviewFacts(
                foldLength: 125, foldLines: 2, foldLabel: "… more", linkDisplay: .plainText,
                singleImageAspect: "1:1", multipleImageAspect: "1:1", imageLayout: .carousel, buildsLinkCard: false,
                linksNeedScheme: false, reachesWebhook: false)
        case .youtube:
            return PreviewFacts(
                foldLength: 157, foldLines: 3, foldLabel: "...more", linkDisplay: .withoutScheme(maxLength: 40),
                singleImageAspect: "16:9", multipleImageAspect: "16:9", imageLayout: .player, buildsLinkCard: false,
                linksNeedScheme: false, reachesWebhook: false)
        case .tiktok:
            return PreviewFacts(
                foldLength: 100, foldLines: 2, foldLabel: "… more", linkDisplay: .plainText,
                singleImageAspect: "9:16", multipleImageAspect: "9:16", imageLayout: .player, buildsLinkCard: false,
                linksNeedScheme: false, reachesWebhook: false)
        case .pinterest:
            return PreviewFacts(
                foldLength: 100, foldLines: nil, foldLabel: "… more", linkDisplay: .plainText,
                singleImageAspect: "2:3", multipleImageAspect: "2:3", imageLayout: .grid, buildsLinkCard: false,
                linksNeedScheme: false, reachesWebhook: false)
        case .googleBusiness:
            return PreviewFacts(
                foldLength: 120, foldLines: 3, foldLabel: "More", linkDisplay: .plainText,
                singleImageAspect: "4:3", multipleImageAspect: "4:3", imageLayout: .grid, buildsLinkCard: false,
                linksNeedScheme: false, reachesWebhook: false)
        }
    }

    /// How `url` reads in a post on a network with these facts (`utm_` parameters dropped).
    public func displayed(_ url: String) -> String {
        let clean = Self.withoutTracking(url)
        var bare = Substring(clean)
        for prefix in ["https://", "http://"] where bare.lowercased().hasPrefix(prefix) { bare = bare.dropFirst(prefix.count) }
        switch linkDisplay {
        case .withoutScheme(let maxLength):
            if bare.lowercased().hasPrefix("www.") { bare = bare.dropFirst(4) }
            return bare.count > maxLength ? String(bare.prefix(maxLength - 1)) + "…" : String(bare)
        case .hostAndShortPath:
            let host = bare.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            var path = bare.dropFirst(host.count)
            if path == "/" { path = "" }
            return path.count > 15 ? host + path.prefix(13) + "..." : String(bare)
        case .shortener(let domain):
            return domain + "/…"
        case .plainText:
            return url
        }
    }

    /// `url` without its `utm_` query parameters (and without a `?` left empty).
    public static func withoutTracking(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[question...].firstIndex(of: "#") ?? url.endIndex
        let kept = url[url.index(after: question)..<fragmentStart].split(separator: "&")
            .filter { !$0.lowercased().hasPrefix("utm_") }
        return String(url[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + url[fragmentStart...]
    }
}
