import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// LinkedIn's commentary sends every hashtag glocal counts as a template with its own sign (`#` or the full-width
/// `＃`, both documented), escapes every other reserved character, and reaches the sandbox whole.
@Suite struct LinkedInHashtagSignTests {
    static let linkedin = ClientCase.all.first { $0.network == .linkedin }!

    @Test(arguments: [
        ("＃Hydra et #Serum", "{hashtag|＃|Hydra} et {hashtag|#|Serum}"),
        ("(#Hydra) et ＃Été_2", "\\({hashtag|#|Hydra}\\) et {hashtag|＃|Été\\_2}"),
        ("＃2024 reste du texte", "＃2024 reste du texte"),
        ("Touche #\u{FE0F}\u{20E3}", "Touche \\#\u{FE0F}\u{20E3}"),
        ("https://lumiere.example/#top", "https://lumiere.example/\\#top"),
        // twitter-text: `#` followed by a URL is no hashtag, so the URL stays whole (not `{hashtag|#|http}://…`).
        ("Old link #http://twitter.com here", "Old link \\#http://twitter.com here"),
        ("#https://lumiere.example/a #Real", "\\#https://lumiere.example/a {hashtag|#|Real}"),
    ])
    func hashtagsGoOutAsTemplatesWithTheirSign(_ text: String, _ commentary: String) {
        #expect(LinkedInLittleText.commentary(for: text) == commentary)
    }

    @Test func everyHashtagGlocalCountsIsATemplate() {
        let text = "Nouveau : #Hydra, ＃Sérum et (#Été) — pas a#b, ni #2024, ni https://lumiere.example/#top"
        let commentary = LinkedInLittleText.commentary(for: text)
        let templates = commentary.components(separatedBy: "{hashtag|").count - 1
        #expect(templates == EntityScanner.hashtags(in: text).count && templates == 3)
    }

    @Test func theCommentaryReachesTheSandboxWhole() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.linkedin.make(sandbox.environment)
            for text in [
                "Découvrez ＃Hydra (nouveau) #Été", "Touche #\u{FE0F}\u{20E3} *gras* _souligné_ ~barré~ <b> a@b | {x} [y]",
            ] {
                var post = Self.linkedin.post
                post.text = text
                post.variantID += "/\(text.count)"
                let outcome = await client.publish(post, credentials: Self.linkedin.credentials)
                #expect(outcome.receipt != nil, "got \(outcome)")
                let stored = await sandbox.posts(Self.linkedin).last?.text
                #expect(stored == LinkedInLittleText.commentary(for: text), "LinkedIn would keep \(stored ?? "nothing")")
            }
        }
    }
}
