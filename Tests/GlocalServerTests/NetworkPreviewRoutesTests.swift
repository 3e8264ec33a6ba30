import Foundation
import GlocalCore
import GlocalServer
import GlocalStore
import Testing

/// Each network's preview on the variant page: its own look, links shortened as it writes them (no UTM query),
/// the fold at its cut, webhook networks marked; and the local text diffed only against the generated one.
struct NetworkPreviewRoutesTests {
    static let link = "https://www.lumiere.example/fr-FR/hydra-serum?utm_source=glocal&utm_medium=social"
    static let long =
        "Hydra arrive chez nous. Une texture légère, une peau qui boit enfin. Nos conseillères vous attendent en "
        + "pharmacie pour un diagnostic offert, toute la semaine, avec un échantillon pour chaque visite. "
        + "Découvrez-la ici \(link) #HydraSerum @lumiere"

    /// One variant per network of the France team, all with the same long text and link.
    static func variants() -> [StoredVariant] {
        Network.allCases.map { network in
            var variant = ServerFixture.variant(account: "lumiere-fr-\(network.rawValue)", network: network, text: long)
            variant.linkPlacement = network == .linkedin || network == .facebook ? .firstComment : .inline
            switch network {
            case .instagram: variant.media = ["assets/hydra-launch/launch-4x5.png", "assets/hydra-launch/reminder-1x1.png"]
            case .youtube, .tiktok:
                variant.media = ["assets/hydra-launch/launch.mp4"]
                variant.title = network == .youtube ? "Hydra : la routine du matin" : nil
            case .pinterest:
                variant.media = ["assets/hydra-launch/launch-4x5.png"]
                variant.title = "Hydra, la routine du matin"
            case .googleBusiness: variant.media = ["assets/hydra-launch/launch-4x5.png"]
            case .x, .bluesky, .mastodon, .threads, .linkedin, .facebook: break
            }
            return variant
        }
    }

    /// The preview's markup only (the edit form below holds the raw text).
    static func preview(_ body: String) -> Substring {
        guard let start = body.range(of: "id=\"preview\""), let end = body.range(of: "<h2>Local text</h2>") else { return "" }
        return body[start.lowerBound..<end.lowerBound]
    }

    @Test func everyNetworkLooksLikeItselfWithShortLinksNoUTMAndItsFold() async throws {
        let fixture = try ServerFixture(variants: Self.variants())
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            var previews: [Network: Substring] = [:]
            for network in Network.allCases {
                let page = try await browser.get("/variants/hydra-launch/launch/lumiere-fr-\(network.rawValue)")
                #expect(page.status == .ok, "\(network)")
                let preview = Self.preview(page.body)
                #expect(preview.contains("class=\"pv pv-\(network.rawValue)\""), "\(network)")
                if PreviewFacts.of(network).linkDisplay == .plainText {
                    // Instagram and TikTok captions show a link as the plain text it is, not as a link.
                    #expect(preview.contains(HTMLEscaping.escape(Self.link)) && !preview.contains("class=\"link\""), "\(network)")
                } else {
                    #expect(!preview.contains("utm_"), "\(network) shows the UTM query")
                }
                #expect(preview.contains("<span class=\"hashtag\">#HydraSerum</span>"), "\(network)")
                previews[network] = preview
            }
            #expect(previews[.x]!.contains("<span class=\"link\">lumiere.example/fr-FR/…</span>"))
            #expect(previews[.x]!.contains("<strong>Lumière Paris</strong> <span class=\"pv-handle\">@LumiereFR · now</span>"))
            #expect(previews[.mastodon]!.contains("<span class=\"link\">lumiere.example/fr-FR/hydra-s…</span>"))
            #expect(previews[.mastodon]!.contains("@lumiere_fr@piaille.fr"))
            #expect(previews[.bluesky]!.contains("<span class=\"link\">www.lumiere.example/fr-FR/hydra-...</span>"))
            // LinkedIn folds at about 210 characters with "…see more"; Instagram at 125 with "more"; X shows it whole.
            #expect(previews[.linkedin]!.contains("<details class=\"pv-more\"><summary>…see more</summary>"))
            #expect(previews[.instagram]!.contains("<details class=\"pv-more\"><summary>… more</summary>"))
            #expect(!previews[.x]!.contains("pv-more"))
            #expect(previews[.linkedin]!.contains("aria-label=\"First comment\""))
            #expect(previews[.instagram]!.contains("class=\"pv-media pv-carousel\""))
            #expect(previews[.instagram]!.contains("class=\"ar-1x1\" src=\"/media/assets/hydra-launch/launch-4x5.png\""))
            #expect(
                previews[.x]!.contains("aria-label=\"Link card\"")
                    && previews[.x]!.contains("<p class=\"pv-card-host\">www.lumiere.example</p>"))
            #expect(previews[.youtube]!.contains("<h3 class=\"pv-title\" id=\"preview-title\">Hydra : la routine du matin</h3>"))
            #expect(previews[.youtube]!.contains("title <span class=\"counter\">27 / 100</span>"))
            #expect(previews[.pinterest]!.contains("<h3 class=\"pv-title\" id=\"preview-title\">Hydra, la routine du matin</h3>"))
            #expect(previews[.pinterest]!.contains("class=\"ar-2x3\" src=\"/media/assets/hydra-launch/launch-4x5.png\""))
            #expect(previews[.googleBusiness]!.contains("<p class=\"pv-cta\" aria-hidden=\"true\">Learn more</p>"))
            // YouTube and TikTok publish natively (issue 15): no preview speaks of a webhook.
            for network in Network.allCases { #expect(!previews[network]!.contains("Sent to webhook"), "\(network)") }
        }
    }

    @Test func theLocalTextIsDiffedAgainstTheGeneratedTextNeverAgainstTheDefaultLocale() async throws {
        let fixture = try ServerFixture()
        let path = "/variants/hydra-launch/launch/lumiere-fr-x"
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let before = try await browser.get(path)
            #expect(before.body.contains("The local text is as glocal generated it"))
            #expect(before.body.contains("<p class=\"post\" id=\"global-text\" lang=\"en\">"))
            let saved = try await browser.post(
                path + "/edit",
                form: [
                    ("csrf", before.csrf ?? ""), ("revision", before.revision ?? ""),
                    ("text", "Votre peau a soif ? Découvrez Hydra à Lyon."), ("link_placement", "reply"),
                ])
            #expect(saved.status == .seeOther)
            let after = try await browser.get(path)
            #expect(
                after.body.contains(
                    "<h3>Generated local text</h3><p class=\"post\">Votre peau a soif ? Découvrez <del>Hydra.</del>"))
            #expect(after.body.contains("<ins>Hydra à Lyon.</ins>"))
            // The default-locale text is shown as written, no word of it marked.
            let global = try #require(after.body.range(of: "id=\"global-text\" lang=\"en\">"))
            #expect(!after.body[global.upperBound...].prefix { $0 != "<" }.isEmpty)
            #expect(!after.body[global.upperBound...].prefix(200).contains("<del>"))
        }
    }
}
