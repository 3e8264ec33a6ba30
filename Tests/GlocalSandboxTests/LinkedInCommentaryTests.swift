import Foundation
import Testing

/// A post's `commentary` as LinkedIn keeps it, after the little text format `linkedin/EXCERPTS.md` quotes (read at
/// test time): cut at an unescaped reserved character, escapes and hashtag templates of either sign understood, and
/// no longer than LinkedIn's maximum.
@Suite struct LinkedInCommentaryTests {
    static let versioned = ["LinkedIn-Version": "202601", "X-Restli-Protocol-Version": "2.0.0"]

    /// The reserved characters of the grammar's `Text` rule (each listed escaped, `"\("`).
    static func reserved() throws -> [Character] {
        let line = try #require(
            try SpecFiles.text("linkedin/EXCERPTS.md").components(separatedBy: "\n").first { $0.contains("Text ::=") })
        return line.components(separatedBy: "\"\\").dropFirst().compactMap(\.first)
    }

    /// The hashtag signs the `HashtagTemplate` row names.
    static func signs() throws -> [String] {
        let line = try #require(
            try SpecFiles.text("linkedin/EXCERPTS.md").components(separatedBy: "\n").first { $0.hasPrefix("HashtagTemplate:") })
        return line.components(separatedBy: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            .filter { $0.count == 1 }
    }

    /// Posts `commentary`, then reads the author's newest post back.
    static func roundTrip(_ sandbox: SandboxCalls, _ commentary: String) async throws -> (status: Int, kept: String?) {
        let created = try await LinkedInAnswerTests.post(sandbox, commentary: commentary, headers: versioned)
        guard created.status == 201 else { return (created.status, nil) }
        let list = try await sandbox.call(
            "GET", "linkedin/rest/posts?author=\(LinkedInAnswerTests.author)&q=author&count=1", token: "li~t",
            headers: versioned)
        let newest = (list.object["elements"] as? [[String: Any]])?.first
        return (created.status, newest?["commentary"] as? String)
    }

    @Test func anUnescapedReservedCharacterCutsTheCommentaryAnEscapedOneDoesNot() async throws {
        let reserved = try Self.reserved()
        #expect(reserved.count == 15 && reserved.contains("(") && reserved.contains("\\"))
        try await SandboxCalls.run { sandbox in
            for (index, character) in reserved.enumerated() {
                let cut = try await Self.roundTrip(sandbox, "Texte \(index) \(character) la suite")
                #expect(cut.status == 201)
                #expect(cut.kept == "Texte \(index) ", "unescaped \(character)")
                let whole = try await Self.roundTrip(sandbox, "Texte \(index) \\\(character) la suite")
                #expect(whole.kept == "Texte \(index) \\\(character) la suite", "escaped \(character)")
            }
            let mention = "Avec @[Lumière \\(FR\\)](urn:li:organization:2414183) et @(urn:li:person:abc-1) (fin)"
            #expect(
                try await Self.roundTrip(sandbox, mention).kept
                    == "Avec @[Lumière \\(FR\\)](urn:li:organization:2414183) et @(urn:li:person:abc-1) ")
            let broken = try await Self.roundTrip(sandbox, "Écrivez à contact@lumiere.example")
            #expect(broken.kept == "Écrivez à contact", "an e-mail address's @ opens no mention")
        }
    }

    @Test func hashtagTemplatesOfEitherSignAreUnderstood() async throws {
        let signs = try Self.signs()
        #expect(signs == ["#", "＃"])
        try await SandboxCalls.run { sandbox in
            for sign in signs {
                let text = "Découvrez {hashtag|\(sign)|Hydra\\_Serum} et #Été (fin)"
                let kept = try await Self.roundTrip(sandbox, text).kept
                // A bare `#Été` is no element: reserved characters must be escaped "even if … not used in one of
                // the supported elements or templates" (linkedin/EXCERPTS.md); LinkedIn cuts there.
                #expect(kept == "Découvrez {hashtag|\(sign)|Hydra\\_Serum} et ")
            }
            for (index, refused) in [
                "{hashtag|+|Hydra} fin", "{hashtag|#|} fin", "{hashtag|#|Hydra fin", "{hashtags|#|Hydra} fin",
            ]
            .enumerated() {
                let kept = try await Self.roundTrip(sandbox, "\(index) \(refused)").kept
                #expect(kept == "\(index) ", "\(refused)")
            }
            // The `#` of a keycap emoji is a reserved character too.
            let keycap = try await Self.roundTrip(sandbox, "Numéro 1\u{FE0F}\u{20E3} et #\u{FE0F}\u{20E3} fin").kept
            #expect(keycap == "Numéro 1\u{FE0F}\u{20E3} et ")
        }
    }

    @Test func aCommentaryOverThreeThousandCharactersIsRefused() async throws {
        try await SandboxCalls.run { sandbox in
            let longest = String(repeating: "é", count: 2990) + String(repeating: "\\(", count: 10)
            #expect(try await Self.roundTrip(sandbox, longest).status == 201, "escapes count as the character they stand for")
            let over = try await LinkedInAnswerTests.post(
                sandbox, commentary: String(repeating: "a", count: 3001), headers: Self.versioned)
            #expect(over.status == 422 && over.object["status"] as? Int == 422)
            #expect((over.object["message"] as? String)?.hasPrefix("ERROR :: /commentary :: ") == true)
        }
    }
}
