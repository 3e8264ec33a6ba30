/// Measures a post's text exactly as each network counts it.
///
/// | counting | networks | unit |
/// |---|---|---|
/// | ``TextCountingMethod/xWeighted`` | X | ``XWeightedLengthCounter`` |
/// | ``TextCountingMethod/graphemesAndBytes`` | Bluesky | graphemes, plus UTF-8 bytes |
/// | ``TextCountingMethod/mastodon`` | Mastodon | ``MastodonLengthCounter`` |
/// | ``TextCountingMethod/threads`` | Threads | ``ThreadsLengthCounter`` |
/// | ``TextCountingMethod/graphemes`` | LinkedIn, Facebook, Instagram | graphemes |
/// | ``TextCountingMethod/utf16`` | TikTok | UTF-16 code units |
/// | ``TextCountingMethod/utf8Bytes`` | YouTube description | UTF-8 bytes |
///
/// Empty and whitespace-only texts (only Unicode `White_Space` characters: spaces, tabs,
/// line breaks, no-break and ideographic spaces) measure 0, so that
/// ``TextMeasurement/isEmpty`` is true for them: every network refuses such a post.
public enum TextCounter {
    /// Measures `text` with `rules`: the length in the network's units against
    /// `rules.maxTextLength`, the UTF-8 size when `rules.maxTextBytes` is set, and the
    /// characters of `rules.forbiddenCharacters` found in the text (unique, in order of appearance).
    ///
    /// Pass a copy of the rules with another `maxTextLength` (or `urlWeight`) for a server with
    /// its own limits, e.g. a Mastodon instance allowing 1000 characters.
    /// Empty or whitespace-only text measures 0 (``TextMeasurement/isEmpty`` is true).
    public static func measure(_ text: String, rules: NetworkRules) -> TextMeasurement {
        TextMeasurement(
            network: rules.network,
            length: length(text, counting: rules.textCounting, urlWeight: rules.urlWeight),
            limit: rules.maxTextLength,
            bytes: rules.maxTextBytes == nil ? nil : text.utf8.count,
            byteLimit: rules.maxTextBytes,
            forbiddenCharacters: forbiddenCharacters(in: text, forbidden: rules.forbiddenCharacters))
    }

    /// The length of a title (YouTube) in graphemes; 0 when empty or whitespace-only.
    ///
    /// Titles are counted in graphemes on every network that has them; `rules` is taken for
    /// symmetry with ``measure(_:rules:)`` and future per-network title counting.
    public static func measureTitle(_ title: String, rules: NetworkRules) -> Int {
        isBlank(title) ? 0 : title.count
    }

    /// The length of `text` counted with `method`; 0 when empty or whitespace-only.
    ///
    /// - Parameter urlWeight: what one URL counts (X, Mastodon); 23 when nil.
    public static func length(_ text: String, counting method: TextCountingMethod, urlWeight: Int? = nil) -> Int {
        if isBlank(text) { return 0 }
        switch method {
        case .xWeighted:
            return XWeightedLengthCounter.weightedLength(
                text, urlWeight: urlWeight ?? XWeightedLengthCounter.defaultURLWeight)
        case .mastodon:
            return MastodonLengthCounter.length(text, urlWeight: urlWeight ?? MastodonLengthCounter.defaultURLWeight)
        case .threads:
            return ThreadsLengthCounter.length(text)
        case .graphemesAndBytes, .graphemes:
            return text.count
        case .utf16:
            return text.utf16.count
        case .utf8Bytes:
            return text.utf8.count
        }
    }

    /// Whether `text` is empty or made only of white space (Unicode `White_Space`).
    public static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09...0x0D: continue
            case 0...0x7F: return false
            default: if !scalar.properties.isWhitespace { return false }
            }
        }
        return true
    }

    /// The characters of `forbidden` that occur in `text`, without repeats, in order of appearance.
    static func forbiddenCharacters(in text: String, forbidden: Set<Unicode.Scalar>) -> [Unicode.Scalar] {
        if forbidden.isEmpty { return [] }
        // Runs for every variant: test ASCII with a bit mask and hash only scalars that could match.
        var asciiMask: UInt128 = 0
        var lowestOther = UInt32.max
        for scalar in forbidden {
            if scalar.value < 128 { asciiMask |= 1 << scalar.value } else { lowestOther = min(lowestOther, scalar.value) }
        }
        var found: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let hit = value < 128 ? (asciiMask >> value) & 1 == 1 : value >= lowestOther && forbidden.contains(scalar)
            if hit, !found.contains(scalar) { found.append(scalar) }
        }
        return found
    }
}
