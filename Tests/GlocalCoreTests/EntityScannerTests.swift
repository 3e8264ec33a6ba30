import Testing

@testable import GlocalCore

@Suite struct EntityScannerTests {
    @Test(
        arguments: [
            ("#Swift is #cool", ["Swift", "cool"]),
            ("#2024", []),  // digits only: not a hashtag
            ("#2024Summer", ["2024Summer"]),
            ("a#b", []),  // glued to a word
            ("(#tag).", ["tag"]),
            ("#café #日本 #tag_name", ["café", "日本", "tag_name"]),
            ("line one\n#tag", ["tag"]),
            ("#foo#bar", []),  // twitter-text: a tag followed by another # is none, and the second is glued to "foo"
            ("#foo ＃bar#", ["foo"]),
            ("#http://twitter.com #https://twitter.com", []),  // followed by a URL: not a hashtag (extract.yml)
            ("Archive: #http://a.com #https://b.com #Real", ["Real"]),
            ("#tag:// #tag: #tag:/", ["tag", "tag"]),
            ("＃全角", ["全角"]),  // full-width number sign
            ("#", []),
            ("#_", []),
            ("&#39;", []),  // HTML entity
            ("#️⃣ keycap", []),
            ("https://example.com/#anchor", []),  // inside a URL
            ("example.com/#x and #real", ["real"]),
        ] as [(String, [String])])
    func hashtags(text: String, expected: [String]) {
        #expect(EntityScanner.hashtags(in: text).map(String.init) == expected)
    }

    @Test(
        arguments: [
            ("@alice and @bob_2", ["alice", "bob_2"]),
            ("@alice@mastodon.social", []),  // twitter-text: too close to an e-mail address
            ("@alice.bsky.social", ["alice.bsky.social"]),
            ("hi @alice.", ["alice"]),
            ("(@alice)", ["alice"]),
            ("a@b.com", []),  // e-mail address
            ("mail bob@example.com now", []),
            ("email x@y.z and @real", ["real"]),
            ("https://mastodon.social/@alice", []),  // inside a URL
            ("@", []),
            ("@@x", []),
            ("@ alice", []),
            // Audit s17 M5, as twitter-text's extract.yml: after a non-Latin letter, after RT, not before an
            // accented Latin letter or `://`.
            ("の@username に", ["username"]),
            ("RT@username RT:@mention rt @test", ["username", "mention", "test"]),
            ("ART@x +RT@y", []),
            ("@aliceìnheiro", []),
            ("@http://twitter.com", []),
            ("＠fullwidth", ["fullwidth"]),
        ] as [(String, [String])])
    func mentions(text: String, expected: [String]) {
        #expect(EntityScanner.mentions(in: text).map(String.init) == expected)
    }

    @Test(
        arguments: [
            ("@alice@mastodon.social", ["alice@mastodon.social"]),
            ("@alice@mastodon.social.", ["alice@mastodon.social"]),
            ("hi @alice and @bob@example.social!", ["alice", "bob@example.social"]),
            // Account::MENTION_RE: not after `=`, `/` or a word character of any script; `!` is fine.
            ("=@alice@mastodon.social", []),
            ("の@alice@mastodon.social", []),
            ("RT@alice", []),
            ("!@alice@mastodon.social", ["alice@mastodon.social"]),
            ("@alice@mastodon.social@x", []),  // end_mention_match, which Mastodon's extractor applies too
            ("＠alice", []),
        ] as [(String, [String])])
    func mastodonMentions(text: String, expected: [String]) {
        #expect(EntityScanner.mentions(in: text, syntax: .mastodon).map(String.init) == expected)
    }

    @Test func remoteMentionKnowsItsLocalPart() {
        let text = "hi @alice@mastodon.social"
        let matches = EntityScanner.mentionMatches(in: text, excluding: [], syntax: .mastodon)
        #expect(matches.count == 1)
        #expect(matches[0].isRemote)
        #expect(text[matches[0].range.lowerBound..<matches[0].localEnd] == "@alice")
    }

    @Test func aListedTagIsValidOnlyWhenItIsOneWholeHashtag() {
        for tag in ["HydraSerum", "Swift2", "日本", "tag_name", "café", "_a", "नमस्ते"] {
            #expect(EntityScanner.isHashtag(tag), "\(tag)")
            #expect(EntityScanner.hashtags(in: "#" + tag) == [Substring(tag)], "\(tag) is counted as written")
        }
        for tag in ["_", "_1", "__", "2024", "", "a b", "a-b", "a\u{200D}", "\u{B7}\u{B7}"] {
            #expect(!EntityScanner.isHashtag(tag), "\(tag)")
        }
    }

    /// `hashtag.invalid` names what to remove: the first character no hashtag holds, a trailing joiner, or no letter.
    @Test func theProblemOfATagNamesItsFirstForeignCharacter() {
        #expect(EntityScanner.hashtagProblem("HydraSerum") == nil)
        #expect(EntityScanner.hashtagProblem("Hydra-Serum.") == .character("-"))
        #expect(EntityScanner.hashtagProblem("Hydra\u{200B}Serum") == .character("\u{200B}"))
        #expect(EntityScanner.hashtagProblem("Hydra\u{200D}") == .trailingJoiner("\u{200D}"))
        #expect(EntityScanner.hashtagProblem("2024") == .noLetter)
        #expect(EntityScanner.hashtagProblem("") == .empty)
        #expect(HashtagProblem.character("-").reason == "it holds '-' (U+002D HYPHEN-MINUS), which a hashtag cannot hold")
        #expect(
            HashtagProblem.character("\u{200B}").reason == "it holds U+200B ZERO WIDTH SPACE, which a hashtag cannot hold")
        #expect(HashtagProblem.character(" ").reason == "it holds U+0020 SPACE, which a hashtag cannot hold")
    }

    @Test func aHashtagNeedsALetterOrAMarkNotOnlyJoiners() {
        #expect(EntityScanner.hashtags(in: "#_ #_1 #__ #a1") == ["a1"])
        #expect(EntityScanner.hashtags(in: "#\u{B7}\u{B7}").isEmpty, "middle dots alone are not a tag (twitter-text)")
    }
}
