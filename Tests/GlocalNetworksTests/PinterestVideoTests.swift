import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Pinterest video pins: register (`POST /v5/media`) → upload to the pre-signed URL → poll `GET /v5/media/{id}` until
/// `succeeded` → pin with `video_id`; a video stuck in processing is transient and resumes with the same media id.
@Suite struct PinterestVideoTests {
    static var pinterest: ClientCase { ClientCase.plain.first { $0.network == .pinterest }! }

    static func videoPost() -> OutgoingPost {
        var post = OutgoingPost(
            variantID: "shop-winter-events/routine/lumiere-shop-fr-lyon-pharmacie-pinterest", network: .pinterest,
            accountID: "lumiere-shop-fr-lyon-pharmacie-pinterest", handle: "pharmacie-bellecour-lyon", locale: "fr-FR",
            text: "La routine du soir en 3 gestes", title: "Routine du soir", link: ClientCase.link,
            media: [
                MediaFile(path: "assets/winter-tips/layering-9x16.mp4", altText: "Trois flacons") {
                    Data(repeating: 7, count: 64)
                }
            ])
        post.boardID = ClientCase.pinterestBoard
        return post
    }

    @Test func aVideoPinIsRegisteredUploadedPolledThenPinned() async throws {
        try await SandboxHarness.run { sandbox in
            let client = PinterestClient(environment: sandbox.environment, pollInterval: .milliseconds(1))
            let pending = PendingBox()
            let outcome = await client.publish(
                Self.videoPost(), credentials: Self.pinterest.credentials, pending: nil, onPending: pending.recorder)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            let stored = await sandbox.state.storedPosts(network: "pinterest")
            let media = try #require(stored.first { $0.kind == "media" })
            // The 64 bytes reached the pre-signed upload, tied to the registered media id.
            #expect(stored.contains { $0.kind == "upload" && $0.parentID == media.id && $0.body == "64 bytes" })
            // The media id was recorded before the pin was created, so a retry can resume it.
            #expect(await pending.last?.extra["media_id"] == media.id)
            let pin = try #require(stored.first { $0.kind == "post" })
            #expect(pin.id == receipt.remoteID)
            let body = try WireExpectations.json(pin.body)
            #expect(
                body["media_source"] as? NSDictionary
                    == ["source_type": "video_id", "media_id": media.id, "cover_image_key_frame_time": 0] as NSDictionary)
            #expect(body["alt_text"] as? String == "Trois flacons")
            #expect(body["board_id"] as? String == ClientCase.pinterestBoard)
        }
    }

    @Test func aVideoStuckInProcessingIsTransientAndTheRetryResumesTheSameMedia() async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(
                SandboxFault(network: "pinterest", account: Self.pinterest.accountKey, kind: .stuckUpload, count: 3))
            let client = PinterestClient(environment: sandbox.environment, pollInterval: .milliseconds(1), maxPolls: 3)
            let pending = PendingBox()
            let first = await client.publish(
                Self.videoPost(), credentials: Self.pinterest.credentials, pending: nil, onPending: pending.recorder)
            #expect(first == .transient("Pinterest is still processing the video \(await pending.last?.extra["media_id"] ?? "")"))
            #expect(await sandbox.posts(Self.pinterest).isEmpty)
            let second = await client.publish(
                Self.videoPost(), credentials: Self.pinterest.credentials, pending: await pending.last,
                onPending: pending.recorder)
            #expect(second.receipt != nil, "\(second)")
            let stored = await sandbox.state.storedPosts(network: "pinterest")
            // One registration and one upload: the retry polled the media it had, it did not upload again.
            #expect(stored.filter { $0.kind == "media" }.count == 1)
            #expect(stored.filter { $0.kind == "upload" }.count == 1)
            #expect(await sandbox.posts(Self.pinterest).count == 1)
        }
    }

    @Test func aVideoWhoseProcessingFailsIsInvalidContentAndNoPin() async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(
                SandboxFault(network: "pinterest", account: Self.pinterest.accountKey, kind: .failUpload))
            let client = PinterestClient(environment: sandbox.environment, pollInterval: .milliseconds(1))
            let pending = PendingBox()
            let outcome = await client.publish(
                Self.videoPost(), credentials: Self.pinterest.credentials, pending: nil, onPending: pending.recorder)
            #expect(
                outcome == .invalidContent("Pinterest could not process the video \(await pending.last?.extra["media_id"] ?? "")")
            )
            #expect(await sandbox.posts(Self.pinterest).isEmpty)
        }
    }

    @Test func anImageWithoutAPublicURLIsSentAsBase64() async throws {
        try await SandboxHarness.run { sandbox in
            var post = Self.videoPost()
            post.media = [MediaFile(path: "assets/hydra/teaser.png") { Data([0x89, 0x50, 0x4E, 0x47]) }]
            let outcome = await PinterestClient(environment: sandbox.environment).publish(
                post, credentials: Self.pinterest.credentials)
            #expect(outcome.receipt != nil, "\(outcome)")
            let pin = try #require(await sandbox.posts(Self.pinterest).first)
            let source = try #require(try WireExpectations.json(pin.body)["media_source"] as? [String: Any])
            #expect(source["source_type"] as? String == "image_base64")
            #expect(source["content_type"] as? String == "image/png")
            #expect(source["data"] as? String == Data([0x89, 0x50, 0x4E, 0x47]).base64EncodedString())
        }
    }
}
