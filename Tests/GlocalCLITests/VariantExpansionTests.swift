import Foundation
import GlocalCore
import GlocalYAML
import Testing

/// Expansion of the golden base workspace: the exact text, link and placement of variants.
@Suite struct VariantExpansionTests {
    func variants(of campaignID: String) throws -> [PostVariant] {
        let root = GoldenCorpusTests.fixtures.appendingPathComponent("base")
        let workspace = try #require(WorkspaceLoader(root: root).load().workspace)
        let campaign = try #require(workspace.campaigns.first { $0.id.value == campaignID })
        return VariantExpander(workspace: workspace).expand(campaign).variants
    }

    @Test func inlineLinkGetsUTMAndFollowsTheHashtags() throws {
        let variant = try #require(try variants(of: "hydra-launch").first { $0.id == "hydra-launch/teaser/lum-us-x" })
        #expect(
            variant.text == """
                Thirsty skin? Meet Hydra, our new serum, in New York.

                #HydraSerum https://lumiere.example/en-US/hydra?utm_source=x&utm_medium=social&utm_campaign=hydra-launch&utm_content=lum-us-x
                """)
        #expect(variant.linkPlacement == .inline)
        #expect(variant.textOrigin.locale == "en")
        #expect(variant.date == LocalDate(year: 2026, month: 12, day: 1))
    }

    @Test func firstCommentLinkStaysOutOfTheText() throws {
        let variant = try #require(try variants(of: "hydra-launch").first { $0.id == "hydra-launch/teaser/lum-fr-linkedin" })
        #expect(variant.linkPlacement == .firstComment)
        #expect(
            variant.link
                == "https://lumiere.example/fr-FR/hydra?utm_source=linkedin&utm_medium=social&utm_campaign=hydra-launch&utm_content=lum-fr-linkedin"
        )
        #expect(variant.text == "Votre peau a soif ? Découvrez Hydra, notre nouveau sérum, à Paris.\n\n#HydraSerum")
    }

    @Test func eachAccountGetsItsOwnUTMContentFromTheSharedLink() throws {
        let links = try variants(of: "hydra-launch").filter { $0.postID == "launch" && $0.network == .x }.compactMap(\.link)
        #expect(
            links.sorted() == [
                "https://lumiere.example/en-US/hydra?utm_source=x&utm_medium=social&utm_campaign=hydra-launch&utm_content=lum-us-x",
                "https://lumiere.example/fr-FR/hydra?utm_source=x&utm_medium=social&utm_campaign=hydra-launch&utm_content=lum-fr-x",
            ])
    }

    @Test func aTemplateValueGoesIntoTheLinkPercentEncoded() throws {
        let root = GoldenCorpusTests.fixtures.appendingPathComponent("base")
        var workspace = try #require(WorkspaceLoader(root: root).load().workspace)
        let index = try #require(workspace.campaigns.firstIndex { $0.id.value == "hydra-launch" })
        let written = try #require(workspace.campaigns[index].link)
        workspace.campaigns[index].link = Located("https://lumiere.example/{city}/hydra", at: written.location)
        let variants = VariantExpander(workspace: workspace).expand(workspace.campaigns[index]).variants
        let link = try #require(variants.first { $0.id == "hydra-launch/launch/lum-us-x" }?.link)
        // A raw space would end the link at "New" wherever a network turns text into links.
        #expect(
            link
                == "https://lumiere.example/New%20York/hydra?utm_source=x&utm_medium=social&utm_campaign=hydra-launch&utm_content=lum-us-x"
        )
    }

    @Test func perNetworkTextOverrideApplies() throws {
        let x = try variants(of: "winter-tips").filter { $0.postID == "hydration-2" && $0.network == .x }
        #expect(
            Set(x.map(\.text)) == [
                "Winter tip from New York: drink water and moisturise twice a day.",
                "Conseil d'hiver depuis Paris : buvez de l'eau et hydratez matin et soir.",
            ])
        #expect(x.allSatisfy { $0.textOrigin.key == "tips.hydration.x" })
    }

    @Test func idempotencyKeyIsStableAndDistinct() {
        let a = VariantIdentity.idempotencyKey(for: "hydra-launch/teaser/lum-fr-x")
        #expect(a == VariantIdentity.idempotencyKey(for: "hydra-launch/teaser/lum-fr-x"))
        #expect(a != VariantIdentity.idempotencyKey(for: "hydra-launch/teaser/lum-us-x"))
        #expect(a.hasPrefix("glocal-") && a.count == 23)
    }

    /// The golden base workspace, to be changed by a test.
    func baseWorkspace() throws -> Workspace {
        let root = GoldenCorpusTests.fixtures.appendingPathComponent("base")
        return try #require(WorkspaceLoader(root: root).load().workspace)
    }

    @Test func aLinkPublishedOutsideTheTextLeavesNeitherItsPlaceholderNorAGap() throws {
        var workspace = try baseWorkspace()
        workspace.locales["en"]!.strings["serum.teaser"]!.text = "Meet Hydra: {link} in {city}.\n{link} Online too: {link}"
        workspace.locales["fr"]!.strings["serum.teaser"]!.text = "Hydra : {link} à {city}."
        workspace.locales["fr"]!.strings["serum.launch"]!.text = "Hydra : {link} à {city}."
        let index = try #require(workspace.campaigns.firstIndex { $0.id.value == "hydra-launch" })
        let teaser = try #require(workspace.campaigns[index].posts.firstIndex { $0.id.value == "teaser" })
        let post = workspace.campaigns[index].posts[teaser]
        // X, Bluesky, Mastodon: reply; LinkedIn: first_comment; Instagram: none (the post's overrides).
        workspace.campaigns[index].posts[teaser].linkPlacement = Located(.reply, at: post.id.location)
        var pinterest = try #require(workspace.accounts.first { $0.id.value == "lum-fr-x" })
        pinterest.id = Located("lum-fr-pinterest", at: pinterest.id.location)
        pinterest.network = .pinterest
        workspace.accounts.append(pinterest)
        let (variants, diagnostics) = VariantExpander(workspace: workspace).expand(workspace.campaigns[index])
        func variant(_ post: String, _ account: String) -> PostVariant? {
            variants.first { $0.postID == post && $0.accountID == account }
        }
        #expect(variant("teaser", "lum-us-x")?.text == "Meet Hydra: in New York.\nOnline too:\n\n#HydraSerum")
        #expect(variant("teaser", "lum-us-bluesky")?.text == "Meet Hydra: in New York.\nOnline too:\n\n#HydraSerum")
        #expect(variant("teaser", "lum-ca-mastodon")?.text == "Hydra : à Montréal.\n\n#HydraSerum")
        #expect(variant("teaser", "lum-fr-linkedin")?.text == "Hydra : à Paris.\n\n#HydraSerum")
        #expect(variant("teaser", "lum-fr-instagram")?.text == "Hydra : à Paris.\n\n#HydraSerum")
        // Post `launch` keeps the default placement, inline: in the text on X, in its own field on Pinterest.
        #expect(variant("launch", "lum-fr-pinterest")?.text == "Hydra : à Paris.\n\n#HydraSerum")
        #expect(variant("launch", "lum-fr-pinterest")?.link?.hasPrefix("https://lumiere.example/fr-FR/hydra?") == true)
        #expect(variant("launch", "lum-fr-x")?.text.hasPrefix("Hydra : https://lumiere.example/fr-FR/hydra?") == true)
        #expect(variants.allSatisfy { !$0.text.contains("{link}") })
        #expect(!diagnostics.contains { $0.rule == DiagnosticRule.templateMissingValue.id }, "\(diagnostics)")
    }

    @Test func theRegionIsThePartAfterTheScript() throws {
        var workspace = try baseWorkspace()
        workspace.locales["en"]!.strings["serum.teaser"]!.text = "lang={language} reg={region}"
        let index = try #require(workspace.campaigns.firstIndex { $0.id.value == "hydra-launch" })
        let written = try #require(workspace.campaigns[index].link)
        workspace.campaigns[index].link = Located("https://lumiere.example/{language}/{region}", at: written.location)
        for (account, locale) in [("lum-us-x", "zh-Hant-TW"), ("lum-us-bluesky", "sr-Latn"), ("lum-ca-mastodon", "es-419")] {
            workspace.locales[locale] = LocaleDefinition(
                id: Located(locale, at: written.location), file: "locales/\(locale).yaml")
            let position = try #require(workspace.accounts.firstIndex { $0.id.value == account })
            workspace.accounts[position].locale = Located(locale, at: written.location)
        }
        let teasers = VariantExpander(workspace: workspace).expand(workspace.campaigns[index]).variants.filter {
            $0.postID == "teaser"
        }
        func variant(_ account: String) -> PostVariant? { teasers.first { $0.accountID == account } }
        #expect(variant("lum-us-x")?.text.hasPrefix("lang=zh reg=TW\n") == true)
        #expect(variant("lum-us-x")?.link?.hasPrefix("https://lumiere.example/zh/TW?") == true)
        #expect(variant("lum-us-bluesky")?.text.hasPrefix("lang=sr reg=\n") == true)
        #expect(variant("lum-ca-mastodon")?.text.hasPrefix("lang=es reg=419\n") == true)
    }

    @Test func aLinkVariableWithNoValueIsReportedOnTheLink() throws {
        var workspace = try baseWorkspace()
        let index = try #require(workspace.campaigns.firstIndex { $0.id.value == "hydra-launch" })
        let written = try #require(workspace.campaigns[index].link)
        workspace.campaigns[index].link = Located("https://lumiere.example/{country}/{brand}", at: written.location)
        workspace.settings.brand = nil
        let diagnostics = VariantExpander(workspace: workspace).expand(workspace.campaigns[index]).diagnostics
        let missing = diagnostics.filter { $0.rule == DiagnosticRule.templateMissingValue.id && $0.location == written.location }
        #expect(missing.contains { $0.message == "x/lum-us-x: {country} has no value in accounts.yaml" })
        #expect(missing.contains { $0.message == "x/lum-us-x: {brand} has no value: glocal.yaml has no 'brand'" })
        #expect(missing.allSatisfy { $0.notes.last?.hasPrefix("in the link of post '") == true })
    }
}
