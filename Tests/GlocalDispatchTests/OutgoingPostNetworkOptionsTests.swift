import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import Testing

/// What Pinterest and Google Business Profile clients need besides text and media reaches them from the workspace at
/// dispatch time: the board (named by the post or the account's first), the pin's alt text, the location and the
/// post's topic, event, offer and button.
@Suite struct OutgoingPostNetworkOptionsTests {
    static let here = SourceLocation(file: "campaigns/shops.yaml", line: 1, column: 1)

    static func located<Value>(_ value: Value) -> Located<Value> { Located(value, at: here) }

    static func variant(post: String, network: Network) -> StoredVariant {
        StoredVariant(
            id: "shops/\(post)/lum-\(network.rawValue)", campaignID: "shops", postID: post,
            accountID: "lum-\(network.rawValue)", network: network, locale: "fr-FR", kind: .informative, text: "Bonjour",
            title: nil, link: "https://lumiere.example", linkPlacement: .inline, media: [], contentHash: "h", scheduledAt: nil,
            localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
    }

    static let offer = GoogleBusinessPostDetails(
        topicType: .offer,
        event: GoogleBusinessEvent(
            title: "Hiver", start: GoogleBusinessDateTime(text: "2026-12-17")!, end: GoogleBusinessDateTime(text: "2026-12-31")!),
        offer: GoogleBusinessOffer(couponCode: "HIVER10"), callToAction: GoogleBusinessCallToAction(type: .call))

    static let factory: OutgoingPostFactory = {
        var pinterest = Account(
            id: located("lum-pinterest"), network: .pinterest, networkLocation: here, handle: "lumiere", locale: located("fr-FR"))
        pinterest.boards = [PinterestBoard(id: "101", name: "Soins d'hiver"), PinterestBoard(id: "102", name: "Hydra Glow")]
        var business = Account(
            id: located("lum-google_business"), network: .googleBusiness, networkLocation: here, handle: "Lumière Lyon",
            locale: located("fr-FR"))
        business.businessLocation = located("accounts/1/locations/2")
        var named = PostNetworkOverride(network: located(.pinterest))
        named.pinterest = PinterestOverride(board: located("hydra glow"), altText: located("Le flacon"))
        var offerOverride = PostNetworkOverride(network: located(.googleBusiness))
        offerOverride.googleBusiness = located(offer)
        let posts = [
            Post(id: located("plain"), text: located("Bonjour")),
            Post(id: located("offer"), text: located("Bonjour"), overrides: [named, offerOverride]),
        ]
        let campaign = Campaign(
            id: located("shops"), kind: located(.informative),
            window: CampaignWindow(start: located(LocalDate(iso: "2026-12-01")!), end: located(LocalDate(iso: "2026-12-31")!)),
            targets: CampaignTargets(), posts: posts, file: "campaigns/shops.yaml")
        return OutgoingPostFactory(
            accounts: [pinterest, business], root: URL(fileURLWithPath: "/nonexistent"), campaigns: [campaign])
    }()

    @Test func aPinGoesToTheBoardItsPostNamesOrToTheAccountsFirst() {
        let named = Self.factory.post(for: Self.variant(post: "offer", network: .pinterest))
        #expect(named.boardID == "102")  // "hydra glow" names "Hydra Glow": names are compared without case
        #expect(named.pinAltText == "Le flacon")
        let plain = Self.factory.post(for: Self.variant(post: "plain", network: .pinterest))
        #expect(plain.boardID == "101")
        #expect(plain.pinAltText == nil)
    }

    @Test func aBusinessProfilePostCarriesItsLocationAndDetailsOrIsStandard() {
        let offer = Self.factory.post(for: Self.variant(post: "offer", network: .googleBusiness))
        #expect(offer.businessLocation == "accounts/1/locations/2")
        #expect(offer.businessPost == Self.offer)
        let plain = Self.factory.post(for: Self.variant(post: "plain", network: .googleBusiness))
        #expect(plain.businessPost == .standard)
        #expect(plain.boardID == nil)
    }
}
