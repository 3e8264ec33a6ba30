/// Recognises emoji, for the counters that weigh them specially (X, Threads).
///
/// A cluster is an emoji when it contains a scalar with default emoji presentation (😀, 🇫,
/// skin tones…), or when it starts with an emoji-capable scalar turned into an emoji by
/// U+FE0F (❤️) or the keycap mark U+20E3 (1️⃣). Digits, `#`, `*`, `©` and the like are emoji-capable
/// but stay text when they are alone.
enum EmojiDetection {
    /// Variation selector 16: "show as emoji".
    static let emojiPresentationSelector: UInt32 = 0xFE0F
    /// Combining enclosing keycap.
    static let keycap: UInt32 = 0x20E3
    /// Zero-width joiner, which glues emoji into one sequence (👨‍👩‍👧‍👦).
    static let zeroWidthJoiner: UInt32 = 0x200D

    /// Whether the grapheme cluster is an emoji.
    static func isEmoji(_ character: Character) -> Bool {
        if character.isASCII { return false }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        var qualified = false
        for scalar in scalars {
            if scalar.properties.isEmojiPresentation { return true }
            if scalar.value == emojiPresentationSelector || scalar.value == keycap { qualified = true }
        }
        return qualified && first.properties.isEmoji
    }

    /// Whether an emoji sequence may start with this scalar.
    @inline(__always) static func mayStartEmoji(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x23 || value == 0x2A || (0x30...0x39).contains(value) }
        // Quick answers for the ranges without emoji (Latin…Arabic…, kana, CJK, Hangul).
        if value < 0x203C { return value == 0xA9 || value == 0xAE }
        if value >= 0x3040 && value < 0x1F000 { return value == 0x3297 || value == 0x3299 }
        return scalar.properties.isEmoji
    }

    @inline(__always) static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    /// If an emoji sequence starts at `start` (and ends before `limit`), the index after it.
    ///
    /// A sequence is an emoji-capable scalar followed by any of: U+FE0F/U+FE0E, the keycap mark,
    /// skin-tone modifiers, tag characters (subdivision flags), or U+200D and another emoji;
    /// two regional indicators form a flag. Returns nil when the sequence is plain text
    /// (a lone digit, `#`, `©` without U+FE0F).
    static func sequenceEnd(
        in scalars: String.UnicodeScalarView, from start: String.Index, limit: String.Index
    ) -> String.Index? {
        let first = scalars[start]
        var j = scalars.index(after: start)
        if isRegionalIndicator(first.value) {
            if j < limit, isRegionalIndicator(scalars[j].value) { j = scalars.index(after: j) }
            return j
        }
        var isEmoji = first.value >= 0x80 && first.properties.isEmojiPresentation
        while j < limit {
            let value = scalars[j].value
            switch value {
            case emojiPresentationSelector, keycap:
                isEmoji = true
            case 0x1F3FB...0x1F3FF:
                isEmoji = true
            case 0xFE0E, 0xE0020...0xE007F:
                break
            case zeroWidthJoiner:
                let next = scalars.index(after: j)
                guard next < limit, scalars[next].value >= 0x80, scalars[next].properties.isEmoji else {
                    return isEmoji ? j : nil
                }
                if scalars[next].properties.isEmojiPresentation { isEmoji = true }
                j = next
            default:
                return isEmoji ? j : nil
            }
            j = scalars.index(after: j)
        }
        return isEmoji ? j : nil
    }
}
