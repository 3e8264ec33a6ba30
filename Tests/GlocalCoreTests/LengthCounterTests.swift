import Testing

@testable import GlocalCore

/// Mastodon and Threads counters and emoji recognition, called directly.
@Suite struct LengthCounterTests {
    @Test(
        arguments: [
            ("Hello", 5),
            ("https://a.co", 23),
            ("https://example.com/" + String(repeating: "x", count: 80), 23),
            ("Read https://example.com/a.", 29),  // 5 + 23 + 1
            ("example.com/page", 16),  // bare domain: not discounted
            ("@alice@mastodon.social", 6),  // "@alice"
            ("@alice@mastodon.social @bob@example.social!", 12),  // 6 + 1 + 4 + 1
            ("https://mastodon.social/@alice@example.social", 23),  // the mention is inside the URL
            // Account::MENTION_RE: after `=` or a letter no mention (counted whole), after `!` one (audit s17 M2).
            ("=@alice@mastodon.social", 23),
            ("の@alice@mastodon.social", 23),
            ("!@alice@mastodon.social", 7),
            (String(repeating: "a", count: 480) + "=@alice@mastodon.social", 503),
            // Mastodon's server overrides twitter-text's path ending characters: not `=` (nor `&`, `;`), so the
            // link ends before it and it counts as text.
            ("https://example.com/a=", 24),
            ("https://example.com/a&", 24),
            ("https://example.com/a=b", 23),
            ("https://example.com/wiki/Foo_(bar)", 23),
            ("Mañana 🇪🇸", 8),  // 6 + 1 + 1 grapheme
        ] as [(String, Int)])
    func mastodon(text: String, expected: Int) {
        #expect(MastodonLengthCounter.length(text) == expected)
    }

    @Test func mastodonCustomURLWeight() {
        #expect(MastodonLengthCounter.length("see https://a.co", urlWeight: 40) == 44)
    }

    @Test(
        arguments: [
            ("hello", 5),
            ("😀😀", 8),
            ("a👨‍👩‍👧‍👦b", 27),  // 1 + 25 + 1
            ("Mañana 🇪🇸", 15),  // 6 + 1 + 8
            ("❤", 1),  // U+2764 without FE0F is text
            ("❤️", 6),
            ("#️⃣", 7),  // 1 + 3 + 3
            ("\r\n", 1),  // one grapheme
        ] as [(String, Int)])
    func threads(text: String, expected: Int) {
        #expect(ThreadsLengthCounter.length(text) == expected)
    }

    @Test(
        arguments: [
            ("😀", true), ("👨‍👩‍👧‍👦", true), ("👍🏽", true), ("☝🏽", true), ("🇫🇷", true), ("1️⃣", true),
            ("#️⃣", true), ("❤️", true), ("🏳️‍🌈", true),
            ("❤", false), ("©", false), ("1", false), ("#", false), ("a", false), ("日", false), ("é", false),
        ] as [(Character, Bool)])
    func emojiDetection(character: Character, expected: Bool) {
        #expect(EmojiDetection.isEmoji(character) == expected)
    }
}
