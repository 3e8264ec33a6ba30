import Testing

@testable import GlocalCore

/// X weighted length (twitter-text v3). Every expected value is worked out by hand in the comment.
@Suite struct XWeightedLengthCounterTests {
    @Test(
        arguments: [
            ("hello", 5),
            ("", 0),
            // NFC first: decomposed and precomposed accents weigh the same.
            ("é", 1),  // U+00E9 (233 ≤ 4351)
            ("e\u{301}", 1),  // NFC → U+00E9; without NFC it would be 1 + 1
            ("café", 4),
            ("cafe\u{301}", 4),
            ("\u{1100}\u{1161}", 2),  // conjoining jamo → NFC U+AC00 가 (weight 2), not 2 + 2
            ("か\u{3099}", 2),  // kana + combining voiced mark → NFC が (weight 2), not 2 + 2
            // CJK, kana, Hangul weigh 2; Latin, Cyrillic, Hebrew, Arabic weigh 1.
            ("日本", 4),
            ("こんにちは", 10),  // 5 hiragana × 2
            ("春のセール開催中！", 18),  // 9 × 2 (！ is U+FF01, ー is U+30FC)
            ("안녕하세요", 10),  // 5 Hangul syllables (U+AC00…) × 2
            ("봄 세일", 7),  // 2 + 1 + 2 + 2
            ("مرحبا", 5),  // Arabic U+0600… ≤ 4351: 5 × 1
            ("تخفيضات الربيع", 14),  // 7 letters + space + 6 letters, all weight 1
            ("שלום", 4),
            ("Привет", 6),
            ("Hello 世界", 10),  // 6 + 2 × 2
        ] as [(String, Int)])
    func scriptsAndNormalisation(text: String, expected: Int) {
        #expect(XWeightedLengthCounter.weightedLength(text) == expected)
    }

    @Test(
        arguments: [
            ("\u{10FF}", 1),  // 4351: last code point of the first range
            ("\u{2002}", 1),  // 8194: en space, in 8192–8205
            ("\u{200D}", 1),  // 8205: a lone ZWJ, end of the range
            ("\u{200E}", 2),  // 8206
            ("\u{2010}", 1),  // 8208: hyphen
            ("—", 1),  // U+2014 = 8212
            ("\u{201F}", 1),  // 8223
            ("\u{2020}", 2),  // 8224: dagger
            ("…", 2),  // U+2026 = 8230
            ("\u{2032}", 1),  // 8242: prime
            ("\u{2037}", 1),  // 8247
            ("\u{2038}", 2),  // 8248
            ("€", 2),  // U+20AC = 8364
            ("\u{FEFF}", 2),  // 65279 (forbidden on X, but still weighed)
        ] as [(String, Int)])
    func codePointRanges(text: String, expected: Int) {
        #expect(XWeightedLengthCounter.weightedLength(text) == expected)
    }

    @Test(
        arguments: [
            ("😀", 2),
            ("👨‍👩‍👧‍👦", 2),  // 7 scalars (4 emoji + 3 ZWJ), one sequence
            ("👍🏽", 2),  // skin tone
            ("☝🏽", 2),  // text-default base + skin tone
            ("🇫🇷", 2),  // flag = 2 regional indicators
            ("🇫🇷🇩🇪", 4),  // two flags
            ("1️⃣", 2),  // keycap: 1 + FE0F + 20E3
            ("#️⃣", 2),
            ("❤️", 2),  // U+2764 + FE0F
            ("🏳️‍🌈", 2),  // 1F3F3 FE0F 200D 1F308
            ("Hi 😀!", 6),  // 3 + 2 + 1
            ("1", 1),  // a digit alone is text
            ("#1", 2),
            ("©", 1),  // U+00A9 alone is text (169 ≤ 4351)
            ("©️", 2),  // with FE0F it is an emoji
        ] as [(String, Int)])
    func emojiSequences(text: String, expected: Int) {
        #expect(XWeightedLengthCounter.weightedLength(text) == expected)
    }

    static let longURL = "https://example.com/" + String(repeating: "a", count: 80)  // 20 + 80 = 100 chars

    @Test(
        arguments: [
            ("https://t.co", 23),  // shorter than 23, still 23
            ("http://a.b", 10),  // ".b" is no TLD: 10 characters, no link (twitter-text)
            (longURL, 23),  // 100 characters, still 23
            ("Read https://example.com/a.", 29),  // 5 + 23 + "." 1 (the dot is not in the URL)
            ("(https://example.com/a)", 25),  // 1 + 23 + 1
            // twitter-text's `validUrlPath`: a parenthesis after `.` cannot end a path, so the link ends at `path`.
            ("https://example.com/path.(x)", 27),  // 23 + ".(x)" 4
            ("https://example.com/path.(example.app)", 49),  // 23 + ".(" 2 + example.app 23 + ")" 1
            ("https://a.example/x https://b.example/y", 47),  // 23 + 1 + 23
            ("Visit example.com today", 35),  // bare domain with a TLD: 6 + 23 + 6
            ("www.example.fr", 23),
            ("example.fr/menu", 23),
            ("example.co", 23),
            ("example.fr", 23),  // a country TLD without a path is a link too (twitter-text's `twitter.jp`, `it.so` cases)
            ("lumiere.example", 15),  // not a real TLD: counted literally
            ("https://lumiere.example/spring", 23),  // with a scheme, a TLD reserved for examples ends a host (glocal's example)
            ("http://tld-too-short.x", 22),  // not a TLD: no link even with a scheme (twitter-text)
            ("mail a@example.com", 18),  // e-mail: 5 + 13, no link
            ("Soldes 🌸 https://lumiere.example/fr #Printemps", 44),  // 7 + 2 + 1 + 23 + 11
            ("日本 https://example.jp/日本", 32),  // 4 + 1 + 23 ("https://example.jp/") + 4
        ] as [(String, Int)])
    func urls(text: String, expected: Int) {
        #expect(XWeightedLengthCounter.weightedLength(text) == expected)
    }

    @Test func urlWeightCanBeChanged() {
        #expect(XWeightedLengthCounter.weightedLength("go https://example.com", urlWeight: 30) == 33)
    }
}
