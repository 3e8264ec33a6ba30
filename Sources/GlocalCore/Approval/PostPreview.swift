/// A variant as its network would show it: text split into plain runs, links (shortened as the
/// network displays them), hashtags, mentions and line breaks; the counter as the network counts;
/// the media; the link card; and a link placed in a first comment or reply.
public struct PostPreview: Sendable, Equatable {
    /// One run of the displayed text.
    public enum Segment: Sendable, Equatable {
        /// Plain text.
        case text(String)
        /// A link: the full URL and the text the network displays for it.
        case link(url: String, display: String)
        /// A hashtag, with its `#`.
        case hashtag(String)
        /// A mention, with its `@`.
        case mention(String)
        /// A line break.
        case lineBreak
    }

    /// The network.
    public var network: Network
    /// The text as displayed.
    public var segments: [Segment]
    /// The length as the network counts it, against its limit.
    public var measurement: TextMeasurement
    /// Media paths (relative to the workspace).
    public var media: [String]
    /// The link shown as a card under the post, if the network builds one.
    public var linkCard: String?
    /// The link posted as the first comment (`first_comment`) or as a reply (`reply`).
    public var followUp: FollowUp?

    /// A link posted under the post rather than in it.
    public struct FollowUp: Sendable, Equatable {
        /// `first_comment` or `reply`.
        public var placement: LinkPlacement
        /// The link.
        public var url: String

        /// Creates a follow-up link.
        public init(placement: LinkPlacement, url: String) {
            self.placement = placement
            self.url = url
        }
    }

    /// The preview of `text` with `link` placed at `placement` on `network`; `maxCharacters`
    /// replaces the network's limit (an account's own limit).
    public init(
        network: Network, text: String, link: String?, linkPlacement: LinkPlacement, media: [String], maxCharacters: Int? = nil
    ) {
        var rules = NetworkRules.forNetwork(network)
        if let maxCharacters { rules.maxTextLength = maxCharacters }
        self.network = network
        self.measurement = TextCounter.measure(text, rules: rules)
        self.media = media
        self.segments = Self.segments(of: text, network: network, clickableLinks: rules.clickableLinks)
        let firstLink = URLScanner.urlRanges(in: text, requireScheme: true).first.map { String(text[$0]) }
        switch linkPlacement {
        case .firstComment, .reply:
            followUp = link.map { FollowUp(placement: linkPlacement, url: $0) }
            linkCard = nil
        case .inline, .none:
            followUp = nil
            linkCard =
                Self.buildsLinkCard(network) && media.isEmpty ? (firstLink ?? (linkPlacement == .inline ? link : nil)) : nil
        }
    }

    /// Whether the network turns a link in the post into a preview card.
    public static func buildsLinkCard(_ network: Network) -> Bool {
        switch network {
        case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook: return true
        case .instagram, .youtube, .tiktok: return false
        }
    }

    /// How `url` reads on `network`: X shows the URL without its scheme cut at 23 characters,
    /// Mastodon and Bluesky without the scheme cut at 30 and 26, LinkedIn its lnkd.in short link;
    /// the others show it whole.
    public static func displayedLink(_ url: String, on network: Network) -> String {
        func cut(_ limit: Int) -> String {
            var bare = Substring(url)
            for prefix in ["https://", "http://"] where bare.hasPrefix(prefix) { bare = bare.dropFirst(prefix.count) }
            if bare.hasPrefix("www.") { bare = bare.dropFirst(4) }
            return bare.count > limit ? String(bare.prefix(limit - 1)) + "…" : String(bare)
        }
        switch network {
        case .x: return cut(23)
        case .mastodon: return cut(30)
        case .bluesky: return cut(26)
        case .linkedin: return "lnkd.in/…"
        default: return url
        }
    }

    private static func segments(of text: String, network: Network, clickableLinks: Bool) -> [Segment] {
        // Every entity as (range, segment), sorted, then the gaps become plain text.
        var entities: [(Range<String.Index>, Segment)] = []
        let urls = URLScanner.urlRanges(in: text, requireScheme: network == .mastodon)
        if clickableLinks {
            for range in urls {
                entities.append(
                    (range, .link(url: String(text[range]), display: displayedLink(String(text[range]), on: network))))
            }
        }
        for tag in EntityScanner.hashtags(in: text) {
            let start = text.unicodeScalars.index(before: tag.startIndex)
            entities.append((start..<tag.endIndex, .hashtag(String(text[start..<tag.endIndex]))))
        }
        for mention in EntityScanner.mentions(in: text) {
            let start = text.unicodeScalars.index(before: mention.startIndex)
            entities.append((start..<mention.endIndex, .mention(String(text[start..<mention.endIndex]))))
        }
        entities.sort { $0.0.lowerBound < $1.0.lowerBound }
        var result: [Segment] = []
        var cursor = text.startIndex
        func plain(_ upTo: String.Index) {
            guard cursor < upTo else { return }
            let lines = text[cursor..<upTo].split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                if index > 0 { result.append(.lineBreak) }
                if !line.isEmpty { result.append(.text(String(line))) }
            }
        }
        for (range, segment) in entities where range.lowerBound >= cursor {
            plain(range.lowerBound)
            result.append(segment)
            cursor = range.upperBound
        }
        plain(text.endIndex)
        return result
    }
}
