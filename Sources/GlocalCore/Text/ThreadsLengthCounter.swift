/// Threads' text length, per Meta's documentation: characters, where an emoji counts its
/// UTF-8 byte length (😀 counts 4, 👍🏽 counts 8, a ZWJ family 👨‍👩‍👧‍👦 counts 25).
public enum ThreadsLengthCounter {
    /// The length of `text` as Threads counts it.
    public static func length(_ text: String) -> Int {
        // Graphemes, then each emoji sequence adds its bytes minus the graphemes it spans.
        let graphemes = text.count
        var emoji: [Range<Int>] = []
        UTF8Buffer.withBytes(of: text) { buf in
            var i = 0
            while i < buf.count {
                if buf[i] < 0x80 && buf[i] > 0x39 { i += 1; continue }  // no emoji can start here
                let (value, length) = UTF8Buffer.scalar(in: buf, at: i)
                if EmojiDetection.mayStartEmoji(value),
                    let after = EmojiDetection.sequenceEnd(in: buf, from: i, limit: buf.count)
                {
                    emoji.append(i..<after)
                    i = after
                } else {
                    i += length
                }
            }
        }
        if emoji.isEmpty { return graphemes }
        let utf8 = text.utf8
        return emoji.reduce(graphemes) { total, range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            return total + range.count - text[lower..<upper].count
        }
    }
}
