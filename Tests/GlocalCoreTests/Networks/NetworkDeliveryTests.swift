import Testing

@testable import GlocalCore

/// Which networks glocal publishes on itself, and the words for a sent post.
struct NetworkDeliveryTests {
    @Test func everyNetworkIsPublishedNatively() {
        // YouTube and TikTok have native clients since issue 15: no network only reaches the webhook.
        let webhook = Network.allCases.filter { NetworkDelivery.of($0) == .webhook }
        #expect(webhook.isEmpty)
    }

    @Test func aPublishedStateReadsPublishedOnEveryNetwork() {
        #expect(NetworkDelivery.stateLabel("published", network: .youtube) == "published")
        #expect(NetworkDelivery.stateLabel("published", network: .tiktok) == "published")
        #expect(NetworkDelivery.webhook.sentLabel == "sent to webhook")
        #expect(NetworkDelivery.stateLabel("published", network: .mastodon) == "published")
        #expect(NetworkDelivery.stateLabel("pending_approval", network: .youtube) == "pending approval")
        #expect(NetworkDelivery.stateLabel("published", network: nil) == "published")
    }

    @Test func theHTMLReportNamesVideoNetworksPlainly() {
        #expect(EngagementHTMLRenderer.networkLabel("youtube") == "youtube")
        #expect(EngagementHTMLRenderer.networkLabel("x") == "x")
        #expect(EngagementHTMLRenderer.networkLabel("not-a-network") == "not-a-network")
    }
}
