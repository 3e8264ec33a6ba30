import Foundation
import GlocalCore
import GlocalDispatch
import GlocalStore
import Testing

/// Media alt text reaches the client: looked up in the workspace by the variant's campaign, post, network and path.
@Suite struct OutgoingPostAltTextTests {
    static let here = SourceLocation(file: "campaigns/hydra.yaml", line: 1, column: 1)

    static func located<Value>(_ value: Value) -> Located<Value> { Located(value, at: here) }

    static func variant(network: Network, media: [String]) -> StoredVariant {
        StoredVariant(
            id: "hydra/teaser/lum-\(network.rawValue)", campaignID: "hydra", postID: "teaser",
            accountID: "lum-\(network.rawValue)", network: network, locale: "fr-FR", kind: .promotional, text: "Hydra",
            title: nil, link: nil, linkPlacement: .none, media: media, contentHash: "h", scheduledAt: nil, localTime: nil,
            timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
    }

    static let factory: OutgoingPostFactory = {
        let post = Post(
            id: located("teaser"), text: located("Hydra"),
            media: [
                MediaReference(path: located("assets/a.jpg"), alt: "Un flacon Hydra", type: .image),
                MediaReference(path: located("assets/b.jpg"), type: .image),
            ],
            overrides: [
                PostNetworkOverride(
                    network: located(.mastodon),
                    media: [MediaReference(path: located("assets/a.jpg"), alt: "Un flacon, pour Mastodon", type: .image)])
            ])
        let campaign = Campaign(
            id: located("hydra"), kind: located(.promotional),
            window: CampaignWindow(start: located(LocalDate(iso: "2026-12-01")!), end: located(LocalDate(iso: "2026-12-31")!)),
            targets: CampaignTargets(), posts: [post], file: "campaigns/hydra.yaml")
        return OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent"), campaigns: [campaign])
    }()

    @Test func eachFileCarriesItsAltTextAndAnOverrideUsesItsOwn() {
        let bluesky = Self.factory.post(for: Self.variant(network: .bluesky, media: ["assets/a.jpg", "assets/b.jpg"]))
        #expect(bluesky.media.map(\.altText) == ["Un flacon Hydra", nil])
        let mastodon = Self.factory.post(for: Self.variant(network: .mastodon, media: ["assets/a.jpg"]))
        #expect(mastodon.media.map(\.altText) == ["Un flacon, pour Mastodon"])
    }

    @Test func aVariantWhosePostIsNotInTheWorkspaceHasNoAltText() {
        var variant = Self.variant(network: .x, media: ["assets/a.jpg"])
        variant.postID = "gone"
        #expect(Self.factory.post(for: variant).media.map(\.altText) == [nil])
    }
}
