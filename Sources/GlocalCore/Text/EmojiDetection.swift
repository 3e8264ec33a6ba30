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

    /// Whether an emoji sequence may start with this code point (fast for text scripts).
    @inline(__always) static func mayStartEmoji(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x23 || value == 0x2A || (0x30...0x39).contains(value) }
        // Quick answers for the ranges without emoji (Latin…Arabic…, kana, CJK, Hangul).
        if value < 0x203C { return value == 0xA9 || value == 0xAE }
        if value >= 0x3040 && value < 0x1F000 { return value == 0x3297 || value == 0x3299 }
        return Unicode.Scalar(value)?.properties.isEmoji ?? false
    }

    @inline(__always) static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    @inline(__always) private static func hasEmojiPresentation(_ value: UInt32) -> Bool {
        value >= 0x231A && (Unicode.Scalar(value)?.properties.isEmojiPresentation ?? false)
    }

    /// If an emoji sequence starts at byte offset `start` of `buf` (and ends before `limit`),
    /// the byte offset after it.
    ///
    /// A sequence is an emoji-capable scalar followed by any of: U+FE0F/U+FE0E, the keycap mark,
    /// skin-tone modifiers, tag characters (subdivision flags), or U+200D and another emoji;
    /// two regional indicators form a flag. It is an emoji when it holds a scalar with emoji
    /// presentation, U+FE0F or the keycap mark; otherwise (a lone digit, `#`, `©`) this returns nil.
    static func sequenceEnd(in buf: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        let (first, firstLength) = UTF8Buffer.scalar(in: buf, at: start)
        var j = start + firstLength
        if isRegionalIndicator(first) {
            if j < limit, isRegionalIndicator(UTF8Buffer.scalar(in: buf, at: j).value) { j += 4 }
            return j
        }
        var isEmoji = hasEmojiPresentation(first)
        while j < limit {
            let (value, length) = UTF8Buffer.scalar(in: buf, at: j)
            switch value {
            case emojiPresentationSelector, keycap, 0x1F3FB...0x1F3FF:
                isEmoji = true
            case 0xFE0E, 0xE0020...0xE007F:
                break
            case zeroWidthJoiner:
                let next = j + length
                guard next < limit else { return isEmoji ? j : nil }
                let (joined, joinedLength) = UTF8Buffer.scalar(in: buf, at: next)
                guard joined >= 0x80, mayStartEmoji(joined) else { return isEmoji ? j : nil }
                if hasEmojiPresentation(joined) { isEmoji = true }
                j = next + joinedLength
                continue
            default:
                return isEmoji ? j : nil
            }
            j += length
        }
        return isEmoji ? j : nil
    }
}
