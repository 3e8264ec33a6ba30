/// What twitter-text's `parseTweet` reports about a post's text
/// (see ``XWeightedLengthCounter/parse(_:urlWeight:emojiParsing:)``).
public struct XTweetParse: Equatable, Sendable {
    /// The weighted length (URLs 23, emoji sequences and CJK 2, most other characters 1).
    public var weightedLength: Int
    /// Whether X accepts the text: not empty, at most 280, no U+FFFE, U+FEFF or U+FFFF.
    public var isValid: Bool
    /// The weighted length in thousandths of 280, rounded down.
    public var permillage: Int
    /// The UTF-16 offset of the last code unit of the text that fits (inclusive; 0 when nothing fits).
    public var validRangeEnd: Int
    /// The UTF-16 offset of the text's last code unit (inclusive; 0 for an empty text).
    public var displayRangeEnd: Int

    /// Creates a result.
    public init(weightedLength: Int, isValid: Bool, permillage: Int, validRangeEnd: Int, displayRangeEnd: Int) {
        self.weightedLength = weightedLength
        self.isValid = isValid
        self.permillage = permillage
        self.validRangeEnd = validRangeEnd
        self.displayRangeEnd = displayRangeEnd
    }
}
