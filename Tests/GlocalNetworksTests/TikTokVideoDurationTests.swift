import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// A video longer than the creator may post (`creator_info`'s `max_video_post_duration_sec`) is refused before init:
/// the sandbox's `short-…` creators may post 3 minutes.
@Suite struct TikTokVideoDurationTests {
    /// An MP4 whose movie header says it lasts `seconds`: `ftyp`, then `moov/mvhd` (timescale 1000).
    static func mp4(seconds: Int) -> Data {
        func be32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { be32(8 + payload.count) + Array(type.utf8) + payload }
        let mvhd = box(
            "mvhd", [UInt8](repeating: 0, count: 12) + be32(1_000) + be32(seconds * 1_000) + [UInt8](repeating: 0, count: 80))
        return Data(box("ftyp", Array("isom".utf8) + be32(0x200) + Array("isomiso2".utf8)) + box("moov", mvhd))
    }

    static func post(seconds: Int) -> OutgoingPost {
        var post = TikTokClientTests.post()
        let video = Self.mp4(seconds: seconds)
        post.media = [MediaFile(path: "assets/hydra/teaser.mp4") { video }]
        return post
    }

    @Test func aVideoOverTheCreatorsLimitIsRefusedBeforeInit() async throws {
        try await SandboxHarness.run { sandbox in
            let pending = PendingBox()
            let outcome = await TikTokClientTests.client(sandbox.environment).publish(
                Self.post(seconds: 240), credentials: TikTokClientTests.credentials("short-lumtt"), pending: nil,
                onPending: pending.recorder)
            guard case .invalidContent(let reason) = outcome else {
                Issue.record("expected invalid content, got \(outcome)"); return
            }
            #expect(reason.contains("lasts 240 s") && reason.contains("at most 180 s"), "\(reason)")
            #expect(await pending.receipts.isEmpty, "a post was initialised")
            #expect(await TikTokClientTests.posts(sandbox).isEmpty)
        }
    }

    @Test func theSameVideoGoesOutForACreatorWhoMayPostTenMinutes() async throws {
        try await SandboxHarness.run { sandbox in
            let outcome = await TikTokClientTests.client(sandbox.environment).publish(
                Self.post(seconds: 240), credentials: TikTokClientTests.credentials("lumtt"))
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            #expect(await TikTokClientTests.posts(sandbox).count == 1)
        }
    }

    @Test func theRefusalIsAPureDecisionOnTheContainersDuration() {
        let video = Self.mp4(seconds: 181)
        #expect(TikTokClient.durationRefusal(of: video, path: "a.mp4", maxSeconds: 180, handle: "h") != nil)
        #expect(TikTokClient.durationRefusal(of: video, path: "a.mp4", maxSeconds: 600, handle: "h") == nil)
        #expect(TikTokClient.durationRefusal(of: video, path: "a.mp4", maxSeconds: nil, handle: "h") == nil)
        // Bytes that are no MP4 have no duration to hold against the creator: TikTok decides.
        #expect(TikTokClient.durationRefusal(of: Data(count: 64), path: "a.mp4", maxSeconds: 1, handle: "h") == nil)
    }
}
