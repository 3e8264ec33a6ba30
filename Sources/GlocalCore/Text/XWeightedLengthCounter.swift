import Foundation

/// X's weighted length (twitter-text configuration v3), the number X compares with 280.
///
/// The text is NFC-normalised first. Then every URL (with a scheme, or a bare domain with a
/// known TLD, see ``URLScanner``) counts 23 however long it is; every emoji sequence (ZWJ
/// families, skin tones, flags, keycaps) counts 2 as a whole; every other code point counts 1
/// if it lies in 0–4351 (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic…), 8192–8205,
/// 8208–8223 or 8242–8247 (spaces, dashes, quotes, primes), and 2 otherwise (CJK, kana,
/// Hangul, most symbols).
///
/// Held to twitter-text's conformance suite (`validate.yml`, `extract.yml`) by
/// `TwitterTextConformanceTests`.
public enum XWeightedLengthCounter {
    /// How much one URL counts on X (`transformedURLLength`).
    public static let defaultURLWeight = 23

    /// The weighted length of `text`, with URLs counting 23.
    public static func weightedLength(_ text: String) -> Int {
        weightedLength(text, urlWeight: defaultURLWeight)
    }

    /// The weighted length of `text`, with each URL counting `urlWeight`.
    public static func weightedLength(_ text: String, urlWeight: Int) -> Int {
        parse(text, urlWeight: urlWeight).weightedLength
    }

    /// The weighted length X compares with its limit.
    public static let maxWeightedLength = 280

    /// twitter-text's `parseTweet`: weighted length, validity (within 280 and free of U+FFFE, U+FEFF,
    /// U+FFFF) and ranges in UTF-16 offsets of `text`.
    ///
    /// - Parameter emojiParsing: whether an emoji sequence counts 2 as a whole (configuration v3, X's
    ///   current one); false is configuration v2, where each of its code points is weighed alone.
    public static func parse(_ text: String, urlWeight: Int = defaultURLWeight, emojiParsing: Bool = true) -> XTweetParse {
        let normalized = nfc(text)
        var urls: [Range<Int>] = []
        URLScanner.forEachURL(in: normalized, requireScheme: false) { urls.append($0..<$1) }
        var parsed = UTF8Buffer.withBytes(of: normalized) { buf in
            var total = 0
            var units = 0  // UTF-16 code units of `normalized` walked so far
            var valid = true
            var validEnd = 0
            var nextURL = 0
            var i = 0
            let end = buf.count
            while i < end {
                let start = i
                if nextURL < urls.count, i >= urls[nextURL].lowerBound {
                    total += urlWeight
                    i = urls[nextURL].upperBound
                    nextURL += 1
                } else if buf[i] > 0x39 && buf[i] < 0x80 || buf[i] < 0x23 {  // ASCII that cannot start an emoji
                    total += 1
                    i += 1
                } else {
                    let (value, length) = UTF8Buffer.scalar(in: buf, at: i)
                    let limit = nextURL < urls.count ? urls[nextURL].lowerBound : end
                    if emojiParsing, EmojiDetection.mayStartEmoji(value),
                        let after = EmojiDetection.sequenceEnd(in: buf, from: i, limit: limit)
                    {
                        total += 2
                        i = after
                    } else {
                        total += weight(of: value)
                        i += length
                    }
                }
                units += utf16Count(buf, start..<i)
                // Like twitter-text, only the item's last code unit is checked (the invalid ones are single units).
                if valid, i - start <= 3 || buf[i - 4] < 0xF0 {
                    var lead = i - 1
                    while buf[lead] & 0xC0 == 0x80 { lead -= 1 }
                    let last = UTF8Buffer.scalar(in: buf, at: lead).0
                    valid = last != 0xFFFE && last != 0xFEFF && last != 0xFFFF
                }
                if valid && total <= maxWeightedLength { validEnd = units - 1 }
            }
            return XTweetParse(
                weightedLength: total, isValid: valid && total > 0 && total <= maxWeightedLength,
                permillage: total * 1000 / maxWeightedLength, validRangeEnd: validEnd, displayRangeEnd: 0)
        }
        let textUnits = text.utf16.count
        parsed.validRangeEnd += textUnits - normalized.utf16.count  // twitter-text shifts by what NFC changed
        parsed.displayRangeEnd = max(textUnits - 1, 0)
        return parsed
    }

    /// The UTF-16 length of the UTF-8 bytes in `range`.
    @inline(__always) private static func utf16Count(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where buf[i] & 0xC0 != 0x80 { count += buf[i] >= 0xF0 ? 2 : 1 }
        return count
    }

    /// The weight of one code point outside URLs and emoji sequences.
    @inline(__always) static func weight(of value: UInt32) -> Int {
        switch value {
        case 0...4351, 8192...8205, 8208...8223, 8242...8247: return 1
        default: return 2
        }
    }

    /// `text` in Unicode Normalization Form C.
    ///
    /// Most posts are already NFC: a text whose scalars all lie in ranges that never compose
    /// nor reorder is returned as is, without calling Foundation.
    static func nfc(_ text: String) -> String {
        let isStable = UTF8Buffer.withBytes(of: text) { buf -> Bool in
            var i = 0
            while i < buf.count {
                if buf[i] < 0xCC { i += 1; continue }  // ASCII, continuation bytes, scalars < U+0300
                let (value, length) = UTF8Buffer.scalar(in: buf, at: i)
                if !isStableInNFC(value) { return false }
                i += length
            }
            return true
        }
        return isStable ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether the code point is NFC quick-check "yes" with combining class 0 (conservative list:
    /// anything not listed goes through full normalisation).
    private static func isStableInNFC(_ value: UInt32) -> Bool {
        switch value {
        case 0...0x2FF, 0x400...0x482, 0x600...0x60F, 0x61B...0x61F, 0x620...0x64A, 0x660...0x66F, 0x671...0x6D5,
            0x200B...0x200F, 0x2010...0x2027, 0x2030...0x205E, 0x2060...0x2064, 0x20A0...0x20C0, 0x20E3,
            0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2BFF,
            0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7A3, 0xFE00...0xFE0F, 0xFF00...0xFFEF, 0x1F000...0x1FAFF, 0x20000...0x2A6DF,
            0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }
}
