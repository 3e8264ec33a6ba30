import Foundation
import GlocalCore
import GlocalYAML
import Testing

/// The example workspace's shop campaign: on Pinterest and Google Business Profile the link goes to a field of its
/// own (the pin's destination, the post's button), never into the text; the pin's title comes from its override.
@Suite struct ShopVariantExpansionTests {
    static func variants() throws -> [PostVariant] {
        let workspace = try #require(WorkspaceLoader(root: ValidateCommandTests.repositoryRoot).load().workspace)
        let campaign = try #require(workspace.campaigns.first { $0.id.value == "shop-winter-events" })
        return VariantExpander(workspace: workspace).expand(campaign).variants
    }

    @Test func theLinkStaysOutOfTheTextAndThePinHasItsTitle() throws {
        let variants = try Self.variants()
        // 10 shops × 2 accounts × 3 posts.
        #expect(variants.count == 60)
        let pin = try #require(
            variants.first { $0.id == "shop-winter-events/winter-routine/lumiere-shop-fr-lyon-pharmacie-pinterest" })
        #expect(pin.linkPlacement == .inline)
        #expect(
            pin.link
                == "https://lumiere.example/fr-FR/journal/winter-routine?utm_source=pinterest&utm_medium=social&utm_campaign=shop-winter-events&utm_content=lumiere-shop-fr-lyon-pharmacie-pinterest"
        )
        #expect(!pin.text.contains("https://"))
        #expect(pin.title == "La routine du soir d'hiver en 3 gestes")
        let post = try #require(variants.first { $0.id == "shop-winter-events/hydra-offer/lumiere-shop-de-berlin-apotheke-gbp" })
        #expect(post.link?.hasPrefix("https://lumiere.example/de-DE/shops?utm_source=google_business") == true)
        #expect(!post.text.contains("https://"))
        #expect(post.title == nil)  // Business Profile posts have no title
        #expect(variants.allSatisfy { !$0.text.contains("utm_source") })
    }
}
