import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Networks that take media as uploaded bytes: the upload happens first, the image's alt text goes where the network
/// takes it (X media metadata, Bluesky `images[].alt`, Mastodon `description`), and the post references it.
@Suite struct MediaUploadTests {
    static let uploadingCases = ClientCase.all.filter { [.x, .bluesky, .mastodon].contains($0.network) }

    @Test(arguments: uploadingCases)
    func imagesAreUploadedThenReferenced(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = [
                MediaFile(path: "assets/hydra/teaser.png", altText: "Un flacon Hydra sur fond bleu") {
                    Data([0x89, 0x50, 0x4E, 0x47])
                }
            ]
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let stored = await sandbox.stored(clientCase)
            let media = try #require(stored.first { $0.kind == "media" })
            #expect(media.body.hasPrefix("4 bytes"))
            if clientCase.network != .bluesky { #expect(media.altText == "Un flacon Hydra sur fond bleu") }
            let body = try WireExpectations.json(try #require(stored.first { $0.kind == "post" }).body)
            switch clientCase.network {
            case .x: #expect((body["media"] as? [String: Any])?["media_ids"] as? [String] == [media.id])
            case .mastodon: #expect(body["media_ids"] as? [String] == [media.id])
            default:
                let embed = try #require((body["record"] as? [String: Any])?["embed"] as? [String: Any])
                #expect(embed["$type"] as? String == "app.bsky.embed.images")
                let entry = try #require((embed["images"] as? [[String: Any]])?.first)
                #expect(entry["alt"] as? String == "Un flacon Hydra sur fond bleu")
                let image = try #require(entry["image"] as? [String: Any])
                #expect(image["mimeType"] as? String == "image/png")
                #expect((image["ref"] as? [String: Any])?["$link"] as? String == media.id, "the blob's CID is its id")
                #expect(media.id.hasPrefix("bafkrei"), "a raw sha-256 CIDv1: \(media.id)")
            }
        }
    }

    @Test(arguments: uploadingCases)
    func imagesWithoutAltTextSendNone(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            var post = clientCase.post
            post.media = [MediaFile(path: "assets/hydra/teaser.png") { Data([0x89, 0x50, 0x4E, 0x47]) }]
            let outcome = await clientCase.make(sandbox.environment).publish(post, credentials: clientCase.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let stored = await sandbox.stored(clientCase)
            #expect(try #require(stored.first { $0.kind == "media" }).altText == nil)
            if clientCase.network == .bluesky {
                let body = try WireExpectations.json(try #require(stored.first { $0.kind == "post" }).body)
                let embed = (body["record"] as? [String: Any])?["embed"] as? [String: Any]
                #expect((embed?["images"] as? [[String: Any]])?.first?["alt"] as? String == "", "the lexicon requires alt")
            }
        }
    }

    @Test func instagramWithoutAPublicURLIsInvalidContentBeforeAnyCall() async throws {
        try await SandboxHarness.run { sandbox in
            let instagram = try #require(ClientCase.all.first { $0.network == .instagram })
            var post = instagram.post
            post.media = [MediaFile(path: "assets/local-only.jpg") { Data() }]
            let outcome = await instagram.make(sandbox.environment).publish(post, credentials: instagram.credentials)
            #expect(outcome == .invalidContent("Instagram needs a public URL for assets/local-only.jpg"))
            #expect(await sandbox.stored(instagram).isEmpty)
        }
    }
}
