import Testing

@testable import GlocalCore

/// Which networks glocal publishes on itself, and the words for a sent post.
struct NetworkDeliveryTests {
    @Test func youtubeAndTikTokOnlyReachTheWebhook() {
        let webhook = Network.allCases.filter { NetworkDelivery.of($0) == .webhook }
        #expect(webhook == [.youtube, .tiktok])
    }

    @Test func aPublishedStateReadsSentToWebhookOnlyForAWebhookNetwork() {
        #expect(NetworkDelivery.stateLabel("published", network: .youtube) == "sent to webhook")
        #expect(NetworkDelivery.stateLabel("published", network: .tiktok) == "sent to webhook")
        #expect(NetworkDelivery.stateLabel("published", network: .mastodon) == "published")
        #expect(NetworkDelivery.stateLabel("pending_approval", network: .youtube) == "pending approval")
        #expect(NetworkDelivery.stateLabel("published", network: nil) == "published")
    }

    @Test func theHTMLReportNamesAWebhookNetworkAsSuch() {
        #expect(EngagementHTMLRenderer.networkLabel("youtube") == "youtube (sent to webhook)")
        #expect(EngagementHTMLRenderer.networkLabel("x") == "x")
        #expect(EngagementHTMLRenderer.networkLabel("not-a-network") == "not-a-network")
    }
}
