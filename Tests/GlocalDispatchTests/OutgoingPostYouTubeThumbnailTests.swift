import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import Testing

/// A YouTube override's `thumbnail:` reaches the client at dispatch time: its path in the video options, its file
/// after the video in the media, replacing any other image (docs/networks.md, YouTube).
@Suite struct OutgoingPostYouTubeThumbnailTests {
    static let here = SourceLocation(file: "campaigns/clips.yaml", line: 1, column: 1)

    static func located<Value>(_ value: Value) -> Located<Value> { Located(value, at: here) }

    static func variant(post: String) -> StoredVariant {
        StoredVariant(
            id: "clips/\(post)/lum-youtube", campaignID: "clips", postID: post, accountID: "lum-youtube", network: .youtube,
            locale: "en-US", kind: .informative, text: "Meet Hydra", title: "Meet Hydra", link: nil, linkPlacement: .none,
            media: ["assets/teaser.mp4", "assets/cover.jpg"], contentHash: "h", scheduledAt: nil, localTime: nil,
            timeZone: "America/New_York", live: false, state: .approved, explanation: [])
    }

    static let factory: OutgoingPostFactory = {
        var override = PostNetworkOverride(network: located(.youtube))
        override.youtube = YouTubeOverride(
            thumbnail: MediaReference(path: located("assets/thumb.png"), alt: "The Hydra bottle", type: .image))
        var tagged = PostNetworkOverride(network: located(.youtube))
        tagged.youtube = YouTubeOverride(tags: [located("hydra")])
        let posts = [
            Post(id: located("with-thumbnail"), text: located("Meet Hydra"), overrides: [override]),
            Post(id: located("tags-only"), text: located("Meet Hydra"), overrides: [tagged]),
        ]
        let campaign = Campaign(
            id: located("clips"), kind: located(.informative),
            window: CampaignWindow(start: located(LocalDate(iso: "2026-12-01")!), end: located(LocalDate(iso: "2026-12-31")!)),
            targets: CampaignTargets(), posts: posts, file: "campaigns/clips.yaml")
        return OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent"), campaigns: [campaign])
    }()

    @Test func theThumbnailReplacesOtherImagesAndFollowsTheVideo() {
        let post = Self.factory.post(for: Self.variant(post: "with-thumbnail"))
        #expect(post.youtube?.thumbnailPath == "assets/thumb.png")
        #expect(post.media.map(\.path) == ["assets/teaser.mp4", "assets/thumb.png"])
        #expect(post.media.last?.altText == "The Hydra bottle")
    }

    @Test func withoutAThumbnailTheMediaStayAsApproved() {
        let post = Self.factory.post(for: Self.variant(post: "tags-only"))
        #expect(post.youtube?.thumbnailPath == nil)
        #expect(post.youtube?.tags == ["hydra"])
        #expect(post.media.map(\.path) == ["assets/teaser.mp4", "assets/cover.jpg"])
    }
}
