import Foundation
import GlocalCore
import GlocalYAML
import Testing

/// A text, title or link that filling in makes longer than `Template.maximumBytes` is an error, and its variant is
/// not made: the fuzzer's 3.6 MB city (`https://x.example/` 200 000 times) held validation for 18 s, scanning
/// the text for links again and again.
@Suite struct OversizedVariantTests {
    /// The golden base workspace with `replace` applied to one of its files.
    func workspace(_ file: String, _ replace: (String) -> String) throws -> (Workspace, WorkspaceFixture) {
        let fixture = try WorkspaceFixture(overlay: nil)
        let url = fixture.root.appendingPathComponent(file)
        try replace(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return (try #require(WorkspaceLoader(root: fixture.root).load().workspace), fixture)
    }

    @Test func aCityOfMegabytesMakesNoVariantAndSaysWhichValueIsTooLong() throws {
        let city = String(repeating: "https://x.example/", count: 200_000)
        let (workspace, fixture) = try workspace("accounts.yaml") {
            $0.replacingOccurrences(
                of: "handle: LumiereFR\n    locale: fr-FR\n    city: Paris",
                with: "handle: LumiereFR\n    locale: fr-FR\n    city: \(city)")
        }
        defer { try? FileManager.default.removeItem(at: fixture.container) }
        let campaign = try #require(workspace.campaigns.first { $0.id.value == "hydra-launch" })
        let (variants, diagnostics) = VariantExpander(workspace: workspace).expand(campaign)

        #expect(!variants.contains { $0.accountID == "lum-fr-x" })
        #expect(variants.contains { $0.accountID == "lum-fr-instagram" && $0.text.contains("Paris") })
        let tooLong = diagnostics.filter { $0.rule == DiagnosticRule.textTooLong.id }
        #expect(tooLong.count == 2, "one per post of lum-fr-x: \(tooLong.map(\.message))")
        let first = try #require(tooLong.first)
        #expect(first.account == "lum-fr-x")
        #expect(first.message.hasPrefix("x/lum-fr-x: text is "))
        #expect(first.message.hasSuffix(" UTF-8 bytes once filled in"))
        #expect(first.notes.contains("{city} alone is \(city.utf8.count) bytes for this account"))
        #expect(first.location?.file.hasPrefix("locales/fr") == true)
    }

    @Test func aCampaignIdOfHundredsOfKilobytesMakesLinksTooLongAndSaysTheUTMCarriesIt() throws {
        let id = String(repeating: "a", count: 300_000)
        let (workspace, fixture) = try workspace("campaigns/hydra-launch.yaml") {
            $0.replacingOccurrences(of: "campaign: hydra-launch", with: "campaign: \(id)")
        }
        defer { try? FileManager.default.removeItem(at: fixture.container) }
        let campaign = try #require(workspace.campaigns.first { $0.id.value == id })
        let (variants, diagnostics) = VariantExpander(workspace: workspace).expand(campaign)

        #expect(variants.isEmpty)
        let tooLong = diagnostics.filter { $0.rule == DiagnosticRule.textTooLong.id }
        #expect(!tooLong.isEmpty)
        #expect(tooLong.allSatisfy { $0.message.contains(": link is ") })
        #expect(tooLong.allSatisfy { $0.notes.first == "its UTM parameters carry the campaign id, 300000 bytes" })
        #expect(tooLong.allSatisfy { $0.location?.file == "campaigns/hydra-launch.yaml" && $0.location?.line == 6 })
    }

    @Test func aTextJustUnderTheCeilingIsMadeAndLeftToTheNetworksRules() throws {
        // 'Paris' is 5 bytes; a city that brings the X text to just under the ceiling keeps its variant, whose
        // length the network's own rule then reports.
        let city = String(repeating: "b", count: Template.maximumBytes - 1_000)
        let (workspace, fixture) = try workspace("accounts.yaml") {
            $0.replacingOccurrences(
                of: "handle: LumiereFR\n    locale: fr-FR\n    city: Paris",
                with: "handle: LumiereFR\n    locale: fr-FR\n    city: \(city)")
        }
        defer { try? FileManager.default.removeItem(at: fixture.container) }
        let campaign = try #require(workspace.campaigns.first { $0.id.value == "hydra-launch" })
        let (variants, diagnostics) = VariantExpander(workspace: workspace).expand(campaign)
        #expect(variants.filter { $0.accountID == "lum-fr-x" }.count == 2)
        #expect(!diagnostics.contains { $0.rule == DiagnosticRule.textTooLong.id })
    }
}
