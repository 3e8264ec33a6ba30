import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Google Business Profile local posts as they leave glocal: event schedules, offers and buttons, and the sandbox's
/// refusal of what Google refuses.
@Suite struct GoogleBusinessPostTests {
    static var business: ClientCase { ClientCase.plain.first { $0.network == .googleBusiness }! }

    static func post(_ details: GoogleBusinessPostDetails, link: String? = ClientCase.link) -> OutgoingPost {
        var post = OutgoingPost(
            variantID: "shop-winter-events/offer/lumiere-shop-fr-lyon-pharmacie-gbp", network: .googleBusiness,
            accountID: "lumiere-shop-fr-lyon-pharmacie-gbp", handle: "Pharmacie Bellecour", locale: "fr-FR",
            text: "Hydra Glow à −20 % jusqu'au 31 décembre.", link: link,
            media: [
                MediaFile(path: "assets/hydra/launch.png", publicURL: URL(string: "https://cdn.lumiere.example/l.png")) { Data() }
            ])
        post.businessLocation = ClientCase.businessLocation
        post.businessPost = details
        return post
    }

    @Test func anOfferPostCarriesItsEventScheduleOfferAndMedia() async throws {
        try await SandboxHarness.run { sandbox in
            let details = GoogleBusinessPostDetails(
                topicType: .offer,
                event: GoogleBusinessEvent(
                    title: "Hydra Glow −20 %", start: GoogleBusinessDateTime(text: "2026-12-17")!,
                    end: GoogleBusinessDateTime(text: "2026-12-31T19:30")!),
                offer: GoogleBusinessOffer(couponCode: "HYDRA20", redeemURL: "https://lumiere.example/o", terms: "Un par client"))
            let outcome = await GoogleBusinessClient(environment: sandbox.environment).publish(
                Self.post(details), credentials: Self.business.credentials)
            #expect(outcome.receipt != nil, "\(outcome)")
            let stored = try #require(await sandbox.posts(Self.business).first)
            let body = try WireExpectations.json(stored.body) as NSDictionary
            let expected: NSDictionary = [
                "languageCode": "fr-FR", "summary": "Hydra Glow à −20 % jusqu'au 31 décembre.", "topicType": "OFFER",
                "event": [
                    "title": "Hydra Glow −20 %",
                    "schedule": [
                        "startDate": ["year": 2026, "month": 12, "day": 17], "endDate": ["year": 2026, "month": 12, "day": 31],
                        "endTime": ["hours": 19, "minutes": 30, "seconds": 0, "nanos": 0],
                    ],
                ],
                "offer": [
                    "couponCode": "HYDRA20", "redeemOnlineUrl": "https://lumiere.example/o", "termsConditions": "Un par client",
                ],
                // No button of its own: the post's link becomes LEARN_MORE.
                "callToAction": ["actionType": "LEARN_MORE", "url": ClientCase.link],
                "media": [["mediaFormat": "PHOTO", "sourceUrl": "https://cdn.lumiere.example/l.png"]],
            ]
            #expect(body == expected)
        }
    }

    @Test(
        arguments: [
            (GoogleBusinessCallToAction(type: .call), ["actionType": "CALL"]),
            (
                GoogleBusinessCallToAction(type: .book, url: "https://lumiere.example/book"),
                ["actionType": "BOOK", "url": "https://lumiere.example/book"]
            ),
            (GoogleBusinessCallToAction(type: .signUp), ["actionType": "SIGN_UP", "url": ClientCase.link]),
        ] as [(GoogleBusinessCallToAction, [String: String])])
    func theButtonIsSentAsWrittenOrWithThePostsLink(button: GoogleBusinessCallToAction, expected: [String: String]) async throws {
        try await SandboxHarness.run { sandbox in
            let outcome = await GoogleBusinessClient(environment: sandbox.environment).publish(
                Self.post(GoogleBusinessPostDetails(callToAction: button)), credentials: Self.business.credentials)
            #expect(outcome.receipt != nil, "\(outcome)")
            let stored = try #require(await sandbox.posts(Self.business).first)
            #expect(try WireExpectations.json(stored.body)["callToAction"] as? [String: String] == expected)
        }
    }

    @Test func theSandboxRefusesAnEventPostWithoutItsScheduleAsGoogleDoes() async throws {
        try await SandboxHarness.run { sandbox in
            // A client bug the decoder would have caught: EVENT without an event.
            let outcome = await GoogleBusinessClient(environment: sandbox.environment).publish(
                Self.post(GoogleBusinessPostDetails(topicType: .event)), credentials: Self.business.credentials)
            #expect(outcome == .invalidContent("Google Business Profile: Request contains an invalid argument."))
            #expect(await sandbox.posts(Self.business).isEmpty)
        }
    }

    @Test func mediaWithoutAPublicURLIsRefusedBeforeSending() async throws {
        try await SandboxHarness.run { sandbox in
            var post = Self.post(.standard)
            post.media = [MediaFile(path: "assets/hydra/launch.png") { Data() }]
            let outcome = await GoogleBusinessClient(environment: sandbox.environment).publish(
                post, credentials: Self.business.credentials)
            #expect(outcome == .invalidContent("Google fetches post media from a public URL; assets/hydra/launch.png has none"))
            #expect(await sandbox.stored(Self.business).isEmpty)
        }
    }
}
