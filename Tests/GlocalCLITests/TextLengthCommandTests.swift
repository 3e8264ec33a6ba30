import Foundation
import GlocalCore
import Testing

import GlocalUseCases

/// `glocal text-length`: one JSON object per text, counted by the validator's own code.
@Suite struct TextLengthCommandTests {
    @Test(arguments: [
        ("x", String(repeating: "a", count: 280), #"{"network":"x","length":280,"limit":280,"valid":true}"#),
        ("x", String(repeating: "界", count: 141), #"{"network":"x","length":282,"limit":280,"valid":false}"#),
        (
            "x", "Read https://lumiere.example/fr-FR/hydra?utm_source=x&utm_medium=social",
            #"{"network":"x","length":28,"limit":280,"valid":true}"#
        ),
        ("bluesky", "👩‍👩‍👧", #"{"network":"bluesky","length":1,"limit":300,"bytes":18,"byteLimit":3000,"valid":true}"#),
        ("mastodon", "hi @claire@piaille.fr", #"{"network":"mastodon","length":10,"limit":500,"valid":true}"#),
        ("youtube", "<3", #"{"network":"youtube","length":2,"limit":5000,"valid":false}"#),
        ("tiktok", "😀", #"{"network":"tiktok","length":2,"limit":2200,"valid":true}"#),
        ("x", "", #"{"network":"x","length":0,"limit":280,"valid":false}"#),
        // Graphemes: the family emoji is 1, the space 1, the URL its 19 characters: 21.
        ("pinterest", "👩‍👩‍👧 https://x.example/a", #"{"network":"pinterest","length":21,"limit":800,"valid":true}"#),
        (
            "google_business", String(repeating: "é", count: 1501),
            #"{"network":"google_business","length":1501,"limit":1500,"valid":false}"#
        ),
    ])
    func countsLikeTheValidator(network: String, text: String, expected: String) throws {
        let json = TextLengthReport.json(for: text, network: try #require(Network(rawValue: network)), maxCharacters: nil)
        #expect(json == expected)
    }

    @Test func maxCharactersOverridesTheLimit() {
        let json = TextLengthReport.json(for: String(repeating: "a", count: 600), network: .mastodon, maxCharacters: 1000)
        #expect(json == #"{"network":"mastodon","length":600,"limit":1000,"valid":true}"#)
    }

    @Test func readsStandardInputAndDropsTheShellsNewline() throws {
        let (status, output, _) = try GlocalProcess.run(
            ["text-length", "--network", "x"], in: ValidateCommandTests.repositoryRoot, input: "Bonjour 👋🏽\n")
        #expect(status == 0)
        #expect(output == #"{"network":"x","length":10,"limit":280,"valid":true}"# + "\n")
    }

    @Test func aLeadingByteOrderMarkIsCountedAndRefusedAsXDoes() throws {
        // twitter-text's validate.yml: U+FEFF makes a post invalid. It counts wherever it stands, first too.
        let (status, output, _) = try GlocalProcess.run(
            ["text-length", "--network", "x"], in: ValidateCommandTests.repositoryRoot, input: "\u{FEFF}ab")
        #expect(status == 0)
        #expect(output.contains(#""valid":false"#), "\(output)")
        #expect(!output.contains(#""length":2,"#), "the mark was dropped: \(output)")
    }

    /// One post's text is counted; an endless input (`< /dev/zero`) ends with a message at 16 MiB instead of filling
    /// the memory.
    @Test func anInputOverSixteenMebibytesIsRefused() throws {
        let (status, output, error) = try GlocalProcess.run(
            ["text-length", "--network", "x"], in: ValidateCommandTests.repositoryRoot,
            input: String(repeating: "a", count: 16 * 1_048_576 + 1))
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(error.contains("standard input is over 16 MiB"), "\(error)")
    }
}
