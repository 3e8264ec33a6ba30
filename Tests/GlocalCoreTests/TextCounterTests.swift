import Testing

@testable import GlocalCore

/// Counting tables for every network, through ``TextCounter/measure(_:rules:)``.
/// Expected numbers are worked out by hand (see the comments), never by the code under test.
@Suite struct TextCounterTests {
    static func measure(_ text: String, _ network: Network) -> TextMeasurement {
        TextCounter.measure(text, rules: .forNetwork(network))
    }

    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }

    static let family = "👨‍👩‍👧‍👦"  // 4 emoji × 4 bytes + 3 ZWJ × 3 bytes = 25 UTF-8 bytes, 11 UTF-16 units

    // MARK: Empty and whitespace-only text

    @Test(arguments: Network.allCases)
    func blankTextMeasuresZeroEverywhere(network: Network) {
        for text in ["", " ", "\n\t  ", "\u{3000}", "\u{00A0}\r\n"] {
            let measurement = Self.measure(text, network)
            #expect(measurement.length == 0)
            #expect(measurement.isEmpty)
            #expect(!measurement.isValid)
        }
    }

    // MARK: Exact limits

    @Test(
        arguments: [
            (Network.x, 280), (.bluesky, 300), (.mastodon, 500), (.threads, 500), (.linkedin, 3000),
            (.facebook, 63_206), (.instagram, 2200), (.youtube, 5000), (.tiktok, 2200), (.pinterest, 800),
            (.googleBusiness, 1500),
        ] as [(Network, Int)])
    func exactLimit(network: Network, limit: Int) {
        let atLimit = Self.measure(Self.a(limit), network)
        #expect(atLimit.length == limit)
        #expect(atLimit.limit == limit)
        #expect(atLimit.isValid)
        let over = Self.measure(Self.a(limit + 1), network)
        #expect(over.length == limit + 1)
        #expect(!over.isValid)
    }

    // MARK: X

    @Test(
        arguments: [
            ("hello", 5),
            (String(repeating: "日", count: 140), 280),
            (String(repeating: "日", count: 141), 282),
            ("e\u{301}", 1),
            (family, 2),
            ("👍🏽", 2),
            ("🇫🇷", 2),
            ("1️⃣", 2),
            ("こんにちは", 10),
            ("안녕하세요", 10),
            ("مرحبا", 5),
            ("https://example.com/" + String(repeating: "x", count: 80), 23),
            (a(256) + " https://example.com/a/very/long/path/that/does/not/matter", 280),  // 256 + 1 + 23
            (a(257) + " https://example.com/a/very/long/path/that/does/not/matter", 281),
            ("Visit example.com.", 30),  // 6 + 23 + 1
            ("  hi  ", 6),  // not blank: spaces count
        ] as [(String, Int)])
    func x(text: String, expected: Int) {
        #expect(Self.measure(text, .x).length == expected)
    }

    @Test func xLimitWithCJK() {
        #expect(Self.measure(String(repeating: "日", count: 140), .x).isValid)
        #expect(!Self.measure(String(repeating: "日", count: 141), .x).isValid)
    }

    @Test func xForbiddenCharacters() {
        let measurement = Self.measure("a\u{FFFE}b\u{FEFF}c\u{FFFE}d\u{FFFF}", .x)
        #expect(measurement.forbiddenCharacters == ["\u{FFFE}", "\u{FEFF}", "\u{FFFF}"])
        #expect(measurement.length == 12)  // 4 letters × 1 + 4 forbidden code points × 2
        #expect(!measurement.isValid)
        #expect(Self.measure("hello", .x).forbiddenCharacters.isEmpty)
    }

    // MARK: Bluesky

    @Test(
        arguments: [
            ("hello", 5, 5),
            ("é", 1, 2),
            ("e\u{301}", 1, 3),  // one grapheme, 1 + 2 bytes (no normalisation on Bluesky)
            ("日本", 2, 6),
            (family, 1, 25),
            ("🇫🇷", 1, 8),
        ] as [(String, Int, Int)])
    func bluesky(text: String, graphemes: Int, bytes: Int) {
        let measurement = Self.measure(text, .bluesky)
        #expect(measurement.length == graphemes)
        #expect(measurement.bytes == bytes)
        #expect(measurement.byteLimit == 3000)
    }

    @Test func blueskyGraphemesVersusBytes() {
        let emoji300 = Self.measure(String(repeating: "😀", count: 300), .bluesky)  // 300 graphemes, 1200 bytes
        #expect(emoji300.length == 300 && emoji300.bytes == 1200 && emoji300.isValid)
        let emoji301 = Self.measure(String(repeating: "😀", count: 301), .bluesky)
        #expect(emoji301.length == 301 && !emoji301.isValid)
        let families120 = Self.measure(String(repeating: Self.family, count: 120), .bluesky)  // 120 × 25 = 3000
        #expect(families120.length == 120 && families120.bytes == 3000 && families120.isValid)
        let families121 = Self.measure(String(repeating: Self.family, count: 121), .bluesky)  // 3025 bytes
        #expect(families121.length == 121 && families121.bytes == 3025 && !families121.isValid)
    }

    // MARK: Mastodon

    @Test(
        arguments: [
            ("Hello", 5),
            ("Visit https://a.co", 29),  // 6 + 23: a short URL counts 23 too
            ("https://example.com/" + String(repeating: "x", count: 80), 23),
            ("Visit example.com", 17),  // no scheme: counted literally (6 + 11)
            ("@alice@mastodon.social hi", 9),  // "@alice" 6 + " hi" 3
            ("@alice hi", 9),
            ("cc @bob@example.social and https://lumiere.example/fr", 35),  // 3 + 4 + 5 + 23
            ("bob@example.com", 15),  // e-mail, not a mention
            (family, 1),
            ("日本", 2),
        ] as [(String, Int)])
    func mastodon(text: String, expected: Int) {
        #expect(Self.measure(text, .mastodon).length == expected)
    }

    @Test func mastodonInstanceLimitAndURLWeight() {
        var rules = NetworkRules.forNetwork(.mastodon)
        rules.maxTextLength = 1000
        #expect(TextCounter.measure(Self.a(1000), rules: rules).isValid)
        #expect(TextCounter.measure(Self.a(1000), rules: rules).limit == 1000)
        #expect(!TextCounter.measure(Self.a(1001), rules: rules).isValid)
        rules.urlWeight = 30
        #expect(TextCounter.measure("https://a.co", rules: rules).length == 30)
    }

    // MARK: Threads

    @Test(
        arguments: [
            ("hello", 5),
            ("😀", 4),
            ("hi 😀", 7),
            (family, 25),
            ("👍🏽", 8),
            ("🇫🇷", 8),
            ("1️⃣", 7),  // 1 + 3 + 3 bytes
            ("❤️", 6),  // 3 + 3 bytes
            ("é", 1),
            ("日本", 2),
            ("#1", 2),
            (String(repeating: "😀", count: 125), 500),
            (String(repeating: "😀", count: 126), 504),
        ] as [(String, Int)])
    func threads(text: String, expected: Int) {
        #expect(Self.measure(text, .threads).length == expected)
    }

    // MARK: Graphemes: LinkedIn, Facebook, Instagram

    @Test(arguments: [Network.linkedin, .facebook, .instagram])
    func graphemeNetworks(network: Network) {
        #expect(Self.measure("hello", network).length == 5)
        #expect(Self.measure(Self.family, network).length == 1)
        #expect(Self.measure("e\u{301}", network).length == 1)
        #expect(Self.measure("🇫🇷 日本 https://example.com", network).length == 24)  // 1 + 1 + 2 + 1 + 19
        #expect(Self.measure("hello", network).bytes == nil)
    }

    // MARK: YouTube (description in UTF-8 bytes)

    @Test(
        arguments: [
            ("hello", 5),
            ("é", 2),
            ("日本", 6),
            ("😀", 4),
            (family, 25),
            (String(repeating: "é", count: 2500), 5000),
        ] as [(String, Int)])
    func youtube(text: String, expected: Int) {
        #expect(Self.measure(text, .youtube).length == expected)
    }

    @Test func youtubeForbidsAngleBrackets() {
        let measurement = Self.measure("<b>bold</b> > <", .youtube)
        #expect(measurement.forbiddenCharacters == ["<", ">"])
        #expect(!measurement.isValid)
        #expect(!Self.measure(String(repeating: "é", count: 2501), .youtube).isValid)  // 5002 bytes
    }

    // MARK: TikTok (UTF-16 code units)

    @Test(
        arguments: [
            ("hello", 5),
            ("😀", 2),  // outside the BMP: a surrogate pair
            ("日本", 2),
            ("é", 1),
            ("e\u{301}", 2),
            (family, 11),  // 4 × 2 + 3
            (String(repeating: "😀", count: 1100), 2200),
            (String(repeating: "😀", count: 1101), 2202),
        ] as [(String, Int)])
    func tiktok(text: String, expected: Int) {
        #expect(Self.measure(text, .tiktok).length == expected)
    }

    // MARK: Titles

    @Test(
        arguments: [("Hello", 5), ("👨‍👩‍👧‍👦 Vlog", 6), ("", 0), ("   ", 0), (String(repeating: "日", count: 100), 100)]
            as [(String, Int)])
    func title(title: String, expected: Int) {
        #expect(TextCounter.measureTitle(title, rules: .forNetwork(.youtube)) == expected)
    }
}
