import Foundation
import Testing

import GlocalUseCases

/// `glocal validate` on Pinterest's and Google Business Profile's own keys: account `boards` and `location`, and the
/// `pinterest` and `google_business` overrides, each mistake reported once, with the caret on the value.
@Suite struct NetworkOverrideValidationTests {
    static let pinterestAccount = """
          - id: lum-fr-pinterest
            network: pinterest
            handle: lumierefrance
            locale: fr-FR
            city: Paris
            boards: [{id: "1022106146619306511", name: "Soins d'hiver"}, {id: "1022106146619306512", name: "Hydra"}]
          - id: lum-fr-gbp
            network: google_business
            handle: "Lumière Paris"
            locale: fr-FR
            city: Paris
            location: accounts/1098765432101234567/locations/4567890123456789012

        """

    /// Validation output of the golden base workspace plus a Pinterest and a Google Business Profile account (with
    /// `accounts` appended) and a campaign whose one post has `overrides` under `networks:`.
    static func validate(overrides: String, accounts: String = "", link: String = "https://lumiere.example/fr") throws -> String {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let accountsURL = workspace.root.appendingPathComponent("accounts.yaml")
        let base = try String(contentsOf: accountsURL, encoding: .utf8)
        try (base + Self.pinterestAccount + accounts).write(to: accountsURL, atomically: true, encoding: .utf8)
        let campaign = """
            campaign: shops
            kind: informative
            window: {start: 2026-12-01, end: 2026-12-31}
            targets: {accounts: [lum-fr-pinterest, lum-fr-gbp]}
            link: \(link)
            posts:
              - id: visit
                day: 2
                text: tips.hydration
                media: [{path: assets/serum-4x5.png, alt: "Un flacon de sérum"}]
                networks:
            \(overrides.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))

            """
        try campaign.write(to: workspace.root.appendingPathComponent("campaigns/shops.yaml"), atomically: true, encoding: .utf8)
        return try workspace.validate(verbose: false).output
    }

    static func errors(_ output: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.contains(": error[") }
    }

    @Test func everyNewOverrideUsedWellIsClean() throws {
        let output = try Self.validate(
            overrides: """
                pinterest: {board: Hydra, title: tips.hydration.x, link: "https://lumiere.example/fr/hydra", alt_text: "Un flacon"}
                google_business:
                  topic_type: OFFER
                  event: {title: "Hiver", start: 2026-12-12, end: "2026-12-24 18:00"}
                  offer: {coupon_code: HIVER10, redeem_url: "https://lumiere.example/offre", terms: "Un par client"}
                  call_to_action: {type: SHOP, url: "https://lumiere.example/boutique"}
                """)
        #expect(Self.errors(output).isEmpty, "\(output)")
        #expect(output.contains("0 errors"))
    }

    @Test(
        arguments: [
            // (override line, the error's location and message); the override is line 12 of the campaign, indented by 6, so
            // the column is 7 + the value's offset in the override line.
            (
                "pinterest: {board: \"Soins d'hivers\"}",
                "campaigns/shops.yaml:12:26: error[value.invalid]: pinterest/lum-fr-pinterest: board 'Soins d'hivers' is not one of the account's boards"
            ),
            (
                "pinterest: {alt_text: \"\(String(repeating: "a", count: 501))\"}",
                "campaigns/shops.yaml:12:29: error[media.alt-text-too-long]: alt_text is 501 characters, Pinterest takes at most 500"
            ),
            (
                "x: {board: Hydra}",
                "campaigns/shops.yaml:12:11: error[key.unknown]: unknown key 'board' in x override"
            ),
            (
                "google_business: {topic_type: SALE}",
                "campaigns/shops.yaml:12:37: error[value.invalid]: 'SALE' is not a valid topic_type"
            ),
            (
                "google_business: {topic_type: EVENT}",
                "campaigns/shops.yaml:12:37: error[key.missing]: an EVENT post needs an 'event' with title, start and end"
            ),
            (
                "google_business: {event: {title: Atelier, start: 2026-12-12T18:00, end: 2026-12-12T10:00}}",
                "campaigns/shops.yaml:12:79: error[value.invalid]: the event ends (2026-12-12T10:00) before it starts (2026-12-12T18:00)"
            ),
            (
                "google_business: {event: {title: Atelier, start: 2026-12-32, end: 2026-12-12}}",
                "campaigns/shops.yaml:12:56: error[date.invalid]: invalid event start '2026-12-32'"
            ),
            (
                "google_business: {topic_type: STANDARD, offer: {terms: Un par client}}",
                "campaigns/shops.yaml:12:47: error[value.invalid]: 'offer' belongs to OFFER posts, this one is STANDARD"
            ),
            (
                "google_business: {topic_type: EVENT, event: {title: A, start: 2026-12-12, end: 2026-12-12}, offer: {terms: T}}",
                "campaigns/shops.yaml:12:99: error[value.invalid]: 'offer' belongs to OFFER posts, this one is EVENT"
            ),
            (
                "google_business: {call_to_action: {type: CALL, url: \"https://lumiere.example\"}}",
                "campaigns/shops.yaml:12:59: error[value.invalid]: a CALL button takes no url: Google dials the location's phone number"
            ),
            (
                "google_business: {call_to_action: {type: BOOK}}",
                "campaigns/shops.yaml:12:48: error[key.missing]: a BOOK button needs a 'url'"
            ),
            (
                "google_business: {topic_type: OFFER, event: {title: A, start: 2026-12-12, end: 2026-12-13}, offer: {}}",
                "campaigns/shops.yaml:12:106: error[key.missing]: the offer is empty"
            ),
        ] as [(String, String)])
    func eachMistakeIsOneErrorAtItsValue(override: String, expected: String) throws {
        let errors = Self.errors(try Self.validate(overrides: override))
        #expect(errors == [expected], "\(errors)")
    }

    @Test func accountsNeedTheirBoardsAndLocationAndOnlyThoseNetworksTakeThem() throws {
        let output = try Self.validate(
            overrides: "x: {skip: true}",
            accounts: """
                  - id: lum-de-pinterest
                    network: pinterest
                    handle: lumierede
                    locale: fr-FR
                  - id: lum-de-gbp
                    network: google_business
                    handle: "Lumière Berlin"
                    locale: fr-FR
                    location: locations/4567890123456789012
                  - id: lum-de-x
                    network: x
                    handle: LumiereDE
                    locale: fr-FR
                    boards: [{id: "1", name: A}]

                """)
        let errors = Self.errors(output)
        #expect(errors.contains { $0.contains("error[key.missing]: Pinterest account 'lum-de-pinterest' has no 'boards'") })
        #expect(
            errors.contains {
                $0.contains(
                    "error[value.invalid]: location 'locations/4567890123456789012' is not a Business Profile location name")
            })
        #expect(
            errors.contains {
                $0.contains("error[key.unknown]: 'boards' is only for Pinterest accounts, this one is on X")
            })
        #expect(errors.count == 3, "\(errors)")
    }

    @Test func pinterestRefusesALinkLongerThan2048Characters() throws {
        let long = "https://lumiere.example/" + String(repeating: "a", count: 2_100)
        let errors = Self.errors(try Self.validate(overrides: "x: {skip: true}", link: long))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("error[link.invalid]: pinterest/lum-fr-pinterest: the link is 2") == true, "\(errors)")
        #expect(errors.first?.contains("Pinterest takes at most 2048") == true)
    }
}
