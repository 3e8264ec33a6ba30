import Foundation
import GlocalCore
import GlocalSandbox
import Testing

@testable import GlocalNetworks

/// X videos and GIFs go through initialize → append (4 MiB segments) → finalize → STATUS until `succeeded`, and only
/// then is the tweet posted; images keep the one-shot upload. Nothing is posted when processing fails or never ends.
@Suite struct XVideoUploadTests {
    static var x: ClientCase { ClientCase.plain.first { $0.network == .x }! }

    static func client(_ sandbox: SandboxHarness, maxPolls: Int = 5) -> XClient {
        XClient(environment: sandbox.environment, pollInterval: .zero, maxPolls: maxPolls)
    }

    static func post(_ file: MediaFile) -> OutgoingPost {
        var post = x.post
        post.media = [file]
        return post
    }

    /// The stored media items and top-level posts of the X case.
    static func stored(_ sandbox: SandboxHarness) async -> (media: [SandboxPost], posts: [SandboxPost]) {
        let all = await sandbox.stored(x)
        return (all.filter { $0.kind == "media" }, all.filter { $0.kind == "post" })
    }

    @Test func aVideoIsAppendedInSegmentsProcessedThenPostedOnce() async throws {
        try await SandboxHarness.run { sandbox in
            let size = XMediaUpload.segmentSize + 1000
            let video = MediaFile(path: "assets/hydra/clip.mp4", altText: "Un flacon qui tourne") {
                Data(repeating: 7, count: size)
            }
            let outcome = await Self.client(sandbox).publish(Self.post(video), credentials: Self.x.credentials)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            let (media, posts) = await Self.stored(sandbox)
            let item = try #require(media.first)
            #expect(media.count == 1)
            #expect(item.body == "\(size) bytes tweet_video video/mp4, segments 0:\(XMediaUpload.segmentSize) 1:1000")
            #expect(item.altText == "Un flacon qui tourne", "alt text is sent for every media, as before")
            // The sandbox refuses a tweet whose media has not succeeded: one tweet means processing was waited for.
            #expect(posts.count == 1)
            #expect(posts.first?.id == receipt.remoteID)
            let body = try WireExpectations.json(try #require(posts.first).body)
            #expect((body["media"] as? [String: Any])?["media_ids"] as? [String] == [item.id])
        }
    }

    @Test func aGIFGoesAsTweetGIF() async throws {
        try await SandboxHarness.run { sandbox in
            let gif = MediaFile(path: "assets/hydra/loop.gif") { Data("GIF89a".utf8) }
            let outcome = await Self.client(sandbox).publish(Self.post(gif), credentials: Self.x.credentials)
            #expect(outcome.receipt != nil, "\(outcome)")
            let (media, posts) = await Self.stored(sandbox)
            #expect(media.map(\.body) == ["6 bytes tweet_gif image/gif, segments 0:6"])
            #expect(posts.count == 1)
        }
    }

    /// A guard more than a fix: images went one-shot before and still do.
    @Test func anImageStillGoesInOneShot() async throws {
        try await SandboxHarness.run { sandbox in
            let image = MediaFile(path: "assets/hydra/teaser.png") { Data([0x89, 0x50, 0x4E, 0x47]) }
            let outcome = await Self.client(sandbox).publish(Self.post(image), credentials: Self.x.credentials)
            #expect(outcome.receipt != nil, "\(outcome)")
            let (media, posts) = await Self.stored(sandbox)
            #expect(media.map(\.body) == ["4 bytes tweet_image"])
            #expect(posts.count == 1)
        }
    }

    @Test func eachFileTakesItsRoute() {
        func route(_ path: String) -> XMediaUpload.Route { XMediaUpload.route(for: MediaFile(path: path) { Data() }) }
        #expect(route("a/b.png") == .oneShot(category: "tweet_image"))
        #expect(route("a/b.jpg") == .oneShot(category: "tweet_image"))
        #expect(route("a/b.gif") == .chunked(category: "tweet_gif", mediaType: "image/gif"))
        #expect(route("a/b.mp4") == .chunked(category: "tweet_video", mediaType: "video/mp4"))
        #expect(route("a/b.mov") == .chunked(category: "tweet_video", mediaType: "video/quicktime"))
    }

    @Test func processingInfoDecidesTheNextStep() {
        func step(_ json: String) -> XMediaUpload.Processing { XMediaUpload.processing(JSON(data: Data(json.utf8))) }
        #expect(step(#"{"data": {"id": "1"}}"#) == .ready)
        #expect(step(#"{"data": {"processing_info": {"state": "succeeded"}}}"#) == .ready)
        #expect(step(#"{"data": {"processing_info": {"state": "pending", "check_after_secs": 5}}}"#) == .wait(seconds: 5))
        #expect(step(#"{"data": {"processing_info": {"state": "in_progress"}}}"#) == .wait(seconds: 1))
        #expect(
            step(#"{"data": {"processing_info": {"state": "failed"}}, "errors": [{"detail": "Unsupported codec"}]}"#)
                == .failed("Unsupported codec"))
        #expect(
            step(#"{"data": {"processing_info": {"state": "failed", "error": {"message": "Video too long"}}}}"#)
                == .failed("Video too long"))
        #expect(step(#"{"data": {"processing_info": {"state": "failed"}}}"#) == .failed(nil))
    }

    @Test func failedProcessingIsInvalidContentAndNothingIsPosted() async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(SandboxFault(network: "x", account: Self.x.accountKey, kind: .failUpload))
            let video = MediaFile(path: "assets/hydra/clip.mp4") { Data(repeating: 1, count: 64) }
            let outcome = await Self.client(sandbox).publish(Self.post(video), credentials: Self.x.credentials)
            #expect(outcome == .invalidContent("X could not process clip.mp4: The media could not be processed."))
            #expect(await Self.stored(sandbox).posts.isEmpty)
        }
    }

    @Test func stuckProcessingIsTransientNothingIsPostedAndTheRetryUploadsAgain() async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(SandboxFault(network: "x", account: Self.x.accountKey, kind: .stuckUpload, count: 3))
            let client = Self.client(sandbox, maxPolls: 2)
            let video = MediaFile(path: "assets/hydra/clip.mp4") { Data(repeating: 1, count: 64) }
            let first = await client.publish(Self.post(video), credentials: Self.x.credentials)
            let media = await Self.stored(sandbox).media
            #expect(first == .transient("X is still processing clip.mp4 (media \(media.first?.id ?? ""))"))
            #expect(await Self.stored(sandbox).posts.isEmpty)
            // The third hit holds the retry's first check; its second finds the new upload processed.
            let second = await client.publish(Self.post(video), credentials: Self.x.credentials)
            #expect(second.receipt != nil, "\(second)")
            let after = await Self.stored(sandbox)
            #expect(after.media.count == 2, "the retry uploaded again")
            #expect(after.posts.count == 1)
        }
    }
}
