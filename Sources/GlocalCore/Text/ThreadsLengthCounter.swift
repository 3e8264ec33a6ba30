/// Threads' text length, per Meta's documentation: characters, where an emoji counts its
/// UTF-8 byte length (😀 counts 4, 👍🏽 counts 8, a ZWJ family 👨‍👩‍👧‍👦 counts 25).
public enum ThreadsLengthCounter {
    /// The length of `text` as Threads counts it.
    public static func length(_ text: String) -> Int {
        // Graphemes, then each emoji sequence adds its bytes minus the graphemes it spans.
        var total = text.count
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            if EmojiDetection.mayStartEmoji(scalars[i]),
               let after = EmojiDetection.sequenceEnd(in: scalars, from: i, limit: end) {
                total += text.utf8.distance(from: i, to: after) - text[i..<after].count
                i = after
            } else {
                i = scalars.index(after: i)
            }
        }
        return total
    }
}
