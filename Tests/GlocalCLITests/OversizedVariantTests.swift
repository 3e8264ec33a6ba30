import Foundation
import GlocalCore
import GlocalYAML
import Testing

/// A text, title or link that filling in makes longer than `NumberRanges.maximumFilledTextBytes` is an error, and its variant is
/// not made: the fuzzer's 3.6 MB city (`https://x.example/` 200 000 times) held validation for 18 s, scanning
/// the text for links again and again.
@Suite struct OversizedVariantTests {
    /// The variants and expansion diagnostics of `campaign` in the golden base workspace, once each file of `edits`
    /// has been rewritten by its function.
    func expand(_ campaign: String, edits: [String: (String) -> String]) throws -> (
        variants: [PostVariant], diagnostics: [Diagnostic]
    ) {
        let fixture = try WorkspaceFixture(overlay: nil)
        defer { try? FileManager.default.removeItem(at: fixture.container) }
        for (file, edit) in edits {
            let url = fixture.root.appendingPathComponent(file)
            try edit(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        let workspace = try #require(WorkspaceLoader(root: fixture.root).load().workspace)
        let found = try #require(workspace.campaigns.first { $0.id.value == campaign })
        return VariantExpander(workspace: workspace).expand(found)
    }

    /// hydra-launch's variants once lum-fr-x's city is `city` and `campaignEdit` has rewritten the campaign.
    func hydraLaunch(frenchXCity city: String, campaignEdit: @escaping (String) -> String = { $0 }) throws -> (
        variants: [PostVariant], diagnostics: [Diagnostic]
    ) {
        try expand(
            "hydra-launch",
            edits: [
                "accounts.yaml": {
                    $0.replacingOccurrences(
                        of: "handle: LumiereFR\n    locale: fr-FR\n    city: Paris",
                        with: "handle: LumiereFR\n    locale: fr-FR\n    city: \(city)")
                },
                "campaigns/hydra-launch.yaml": campaignEdit,
            ])
    }

    @Test func aCityOfMegabytesMakesNoVariantAndSaysWhichValueIsTooLong() throws {
        let city = String(repeating: "https://x.example/", count: 200_000)
        let (variants, diagnostics) = try hydraLaunch(frenchXCity: city)

        #expect(!variants.contains { $0.accountID == "lum-fr-x" })
        #expect(variants.contains { $0.accountID == "lum-fr-instagram" && $0.text.contains("Paris") })
        let tooLong = diagnostics.filter { $0.rule == DiagnosticRule.textTooLong.id }
        #expect(tooLong.count == 2, "one per post of lum-fr-x: \(tooLong.map(\.message))")
        let first = try #require(tooLong.first)
        #expect(first.account == "lum-fr-x")
        #expect(first.message.hasPrefix("x/lum-fr-x: text is "))
        #expect(first.message.hasSuffix(" UTF-8 bytes once filled in"))
        #expect(first.notes.contains("{city} alone is 3 600 000 bytes for this account"))
        #expect(first.location?.file.hasPrefix("locales/fr") == true)
    }

    @Test func aCampaignIdOfHundredsOfKilobytesMakesLinksTooLongAndSaysTheUTMCarriesIt() throws {
        let id = String(repeating: "a", count: 300_000)
        let (variants, diagnostics) = try expand(
            id,
            edits: [
                "campaigns/hydra-launch.yaml": { $0.replacingOccurrences(of: "campaign: hydra-launch", with: "campaign: \(id)") }
            ])

        #expect(variants.isEmpty)
        let tooLong = diagnostics.filter { $0.rule == DiagnosticRule.textTooLong.id }
        #expect(!tooLong.isEmpty)
        #expect(tooLong.allSatisfy { $0.message.contains(": link is ") })
        #expect(tooLong.allSatisfy { $0.notes.first == "its UTM parameters carry the campaign id, 300 000 bytes" })
        #expect(tooLong.allSatisfy { $0.location?.file == "campaigns/hydra-launch.yaml" && $0.location?.line == 6 })
    }

    @Test func aTitleOfMegabytesIsATitleProblemAndMakesNoVariant() throws {
        let city = String(repeating: "😀", count: 100_000)
        let pinterest = "\n  - id: lum-fr-pinterest\n    network: pinterest\n    handle: lumierefr\n    locale: fr-FR\n"
        let (variants, diagnostics) = try expand(
            "hydra-launch",
            edits: [
                "accounts.yaml": { $0 + pinterest + "    city: \(city)\n    tags: [eu]\n" },
                "campaigns/hydra-launch.yaml": {
                    $0.replacingOccurrences(
                        of: "    text: serum.teaser\n", with: "    text: serum.teaser\n    title: serum.teaser\n")
                },
            ])

        #expect(!variants.contains { $0.accountID == "lum-fr-pinterest" && $0.postID == "teaser" })
        let title = try #require(diagnostics.first { $0.account == "lum-fr-pinterest" })
        #expect(title.rule == DiagnosticRule.titleInvalid.id)
        #expect(title.message.hasPrefix("pinterest/lum-fr-pinterest: title is "))
        #expect(title.notes.first == "{city} alone is 400 000 bytes for this account")
    }

    @Test func aLinkTemplateFilledWithAHugeCityNamesTheCityAtTheLink() throws {
        let (variants, diagnostics) = try hydraLaunch(frenchXCity: String(repeating: "a", count: 300_000)) {
            $0.replacingOccurrences(
                of: "link: https://lumiere.example/{locale}/hydra", with: "link: https://lumiere.example/{city}")
        }
        #expect(!variants.contains { $0.accountID == "lum-fr-x" })
        let link = try #require(diagnostics.first { $0.account == "lum-fr-x" })
        #expect(link.rule == DiagnosticRule.textTooLong.id)
        #expect(link.message.hasPrefix("x/lum-fr-x: link is "))
        #expect(link.notes.first == "{city} alone is 300 000 bytes for this account")
        #expect(link.location?.file == "campaigns/hydra-launch.yaml" && link.location?.line == 6)
    }

    @Test func aTextItsHashtagsAndLinkPushPastTheCeilingIsRefusedWithoutBlamingAVariable() throws {
        // The filled text stays under the ceiling; the hashtags and the tagged link (about 130 bytes) take it over.
        let (variants, diagnostics) = try hydraLaunch(
            frenchXCity: String(repeating: "b", count: NumberRanges.maximumFilledTextBytes - 100))
        #expect(!variants.contains { $0.accountID == "lum-fr-x" })
        let tooLong = diagnostics.filter { $0.account == "lum-fr-x" }
        #expect(tooLong.count == 2)
        #expect(tooLong.allSatisfy { $0.rule == DiagnosticRule.textTooLong.id && $0.message.hasPrefix("x/lum-fr-x: text is ") })
        #expect(tooLong.allSatisfy { !$0.notes.contains { $0.contains("alone is") } })
    }

    @Test func aTextJustUnderTheCeilingIsMadeAndLeftToTheNetworksRules() throws {
        // A city that brings the X texts to just under the ceiling keeps their variants, whose length the
        // network's own rule then reports.
        let (variants, diagnostics) = try hydraLaunch(
            frenchXCity: String(repeating: "b", count: NumberRanges.maximumFilledTextBytes - 1_000))
        #expect(variants.filter { $0.accountID == "lum-fr-x" }.count == 2)
        #expect(!diagnostics.contains { $0.rule == DiagnosticRule.textTooLong.id })
    }
}
