/// A variant as its network would show it: text split into plain runs, links (shortened as the
/// network displays them), hashtags, mentions and line breaks; the counter as the network counts;
/// the media; the link card; a link placed in a first comment or reply; the YouTube title; and where the
/// feed folds the text (see ``PreviewFacts``).
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
    /// The title (YouTube), if the variant has one, and its length in graphemes against the network's limit.
    public var title: (text: String, length: Int, limit: Int)? {
        guard let titleText else { return nil }
        let rules = NetworkRules.forNetwork(network)
        return (titleText, TextCounter.measureTitle(titleText, rules: rules), rules.maxTitleLength ?? 0)
    }
    /// The title as given.
    public var titleText: String?
    /// How the network's feed shows posts.
    public var facts: PreviewFacts { PreviewFacts.of(network) }
    /// The runs the feed shows before its fold (all of them when the text is short enough).
    public var shownSegments: [Segment]
    /// The runs behind the fold (`… more`); empty when the feed shows the whole text.
    public var foldedSegments: [Segment]

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
    /// replaces the network's limit (an account's own limit); `title` is the YouTube title.
    public init(
        network: Network, text: String, link: String?, linkPlacement: LinkPlacement, media: [String], maxCharacters: Int? = nil,
        title: String? = nil
    ) {
        var rules = NetworkRules.forNetwork(network)
        if let maxCharacters { rules.maxTextLength = maxCharacters }
        self.network = network
        self.measurement = TextCounter.measure(text, rules: rules)
        self.media = media
        self.titleText = title
        let segments = Self.segments(
            of: text, link: link, network: network, clickableLinks: rules.clickableLinks,
            singleTopicTag: rules.singleTopicTag)
        self.segments = segments
        (shownSegments, foldedSegments) = Self.fold(segments, facts: PreviewFacts.of(network))
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
    public static func buildsLinkCard(_ network: Network) -> Bool { PreviewFacts.of(network).buildsLinkCard }

    /// How `url` reads on `network` (see ``PreviewFacts/displayed(_:)``).
    public static func displayedLink(_ url: String, on network: Network) -> String {
        PreviewFacts.of(network).displayed(url)
    }

    /// `segments` cut where `facts` fold the text: at most `foldLength` displayed characters and `foldLines`
    /// lines; a plain run is cut at its last space before the fold, a link, hashtag or mention goes whole.
    static func fold(_ segments: [Segment], facts: PreviewFacts) -> (shown: [Segment], folded: [Segment]) {
        let maxLength = facts.foldLength ?? Int.max, maxLines = facts.foldLines ?? Int.max
        var length = 0, lines = 1
        for (index, segment) in segments.enumerated() {
            let width: Int
            switch segment {
            case .text(let text): width = text.count
            case .link(_, let display): width = display.count
            case .hashtag(let text), .mention(let text): width = text.count
            case .lineBreak:
                lines += 1
                if lines > maxLines { return (Array(segments[..<index]), Array(segments[index...])) }
                continue
            }
            guard length + width > maxLength else {
                length += width
                continue
            }
            var shown = Array(segments[..<index]), folded = Array(segments[(index + 1)...])
            if case .text(let text) = segment {
                var cut = text.index(text.startIndex, offsetBy: maxLength - length)
                if let space = text[..<cut].lastIndex(where: \.isWhitespace) { cut = space }
                let head = String(text[..<cut]).trimmingTrailingWhitespace, tail = String(text[cut...])
                if !head.isEmpty { shown.append(.text(head)) }
                folded.insert(.text(tail), at: 0)
            } else {
                folded.insert(segment, at: 0)
            }
            return (shown, folded)
        }
        return (segments, [])
    }

    /// On a network with a single topic tag (Threads) only the first hashtag is one; the others stay plain text. On
    /// Bluesky what is live is what glocal's facets make live, `link` whole.
    private static func segments(
        of text: String, link: String?, network: Network, clickableLinks: Bool, singleTopicTag: Bool
    ) -> [Segment] {
        // Every entity as (range, segment), sorted, then the gaps become plain text.
        var entities: [(Range<String.Index>, Segment)] = []
        switch PreviewFacts.of(network).liveParts {
        case .blueskyFacets:
            for span in BlueskyRichText.spans(in: text, link: link) {
                switch span.feature {
                case .link(let url): entities.append((span.range, .link(url: url, display: displayedLink(url, on: network))))
                case .tag: entities.append((span.range, .hashtag(String(text[span.range]))))
                }
            }
        case .foundByNetwork:
            entities = foundByNetwork(in: text, network: network, clickableLinks: clickableLinks, singleTopicTag: singleTopicTag)
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

    /// Links, hashtags and mentions as the network finds them in `text`, by the rules glocal counts with.
    private static func foundByNetwork(
        in text: String, network: Network, clickableLinks: Bool, singleTopicTag: Bool
    ) -> [(Range<String.Index>, Segment)] {
        var entities: [(Range<String.Index>, Segment)] = []
        let urls = URLScanner.urlRanges(
            in: text, requireScheme: PreviewFacts.of(network).linksNeedScheme, mastodon: network == .mastodon)
        if clickableLinks {
            for range in urls {
                let url = String(text[range])
                entities.append((range, .link(url: url, display: displayedLink(url, on: network))))
            }
        }
        for (index, tag) in EntityScanner.hashtags(in: text).enumerated() where !singleTopicTag || index == 0 {
            let start = text.unicodeScalars.index(before: tag.startIndex)
            entities.append((start..<tag.endIndex, .hashtag(String(text[start..<tag.endIndex]))))
        }
        for mention in EntityScanner.mentions(in: text, syntax: network == .mastodon ? .mastodon : .twitterText) {
            let start = text.unicodeScalars.index(before: mention.startIndex)
            entities.append((start..<mention.endIndex, .mention(String(text[start..<mention.endIndex]))))
        }
        return entities
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var result = self
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
