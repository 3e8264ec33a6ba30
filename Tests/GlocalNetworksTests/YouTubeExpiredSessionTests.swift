import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// A saved YouTube upload session that expired (the sandbox's `expire_session` fault answers Google's `404 notFound`):
/// the channel is searched by title, and a new session opens only when the video is not there.
@Suite struct YouTubeExpiredSessionTests {
    static let credentials = YouTubeClientTests.credentials

    static func youtubePosts(_ sandbox: SandboxHarness) async -> [SandboxPost] {
        await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }
    }

    /// A publish that crashes after the first chunk: the saved session holds part of the video.
    static func crashMidUpload(_ sandbox: SandboxHarness) async throws -> PublishReceipt {
        let pending = PendingBox()
        let crashing = ClientEnvironment(
            transport: CrashAfterUploadsTransport(sandbox.environment.transport, uploads: 1),
            endpoints: sandbox.environment.endpoints, clock: sandbox.environment.clock)
        let first = await YouTubeClientTests.client(crashing).publish(
            YouTubeClientTests.post(), credentials: Self.credentials, pending: nil, onPending: pending.recorder)
        #expect(first.isUnknown, "\(first)")
        let saved = try #require(await pending.last)
        #expect(saved.extra["session_opened_at"].flatMap(UTCTimestamp.date(from:)) != nil)
        return saved
    }

    @Test func anExpiredSessionWithoutTheVideoStartsOverInANewSession() async throws {
        try await SandboxHarness.run { sandbox in
            let saved = try await Self.crashMidUpload(sandbox)
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expireSession))
            let again = PendingBox()
            let outcome = await YouTubeClientTests.client(sandbox.environment).publish(
                YouTubeClientTests.post(), credentials: Self.credentials, pending: saved, onPending: again.recorder)
            guard case .published(let receipt) = outcome else { Issue.record("expected published, got \(outcome)"); return }
            // One new session, recorded before its first byte; the video exists once.
            #expect(await again.receipts.count == 1)
            #expect(receipt.extra["upload_session"] != saved.extra["upload_session"])
            #expect(await Self.youtubePosts(sandbox).map(\.id) == [receipt.remoteID])
        }
    }

    @Test func anExpiredSessionWhoseVideoIsOnTheChannelIsADuplicate() async throws {
        try await SandboxHarness.run { sandbox in
            let pending = PendingBox()
            let client = YouTubeClientTests.client(sandbox.environment)
            let first = await client.publish(
                YouTubeClientTests.post(), credentials: Self.credentials, pending: nil, onPending: pending.recorder)
            let published = try #require(first.receipt, "\(first)")
            let saved = try #require(await pending.last)
            // The answer to the last chunk was lost and the session has since expired: the search finds the video.
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expireSession))
            let again = PendingBox()
            let outcome = await client.publish(
                YouTubeClientTests.post(), credentials: Self.credentials, pending: saved, onPending: again.recorder)
            #expect(outcome == .duplicate(PublishReceipt(remoteID: published.remoteID, url: published.url)))
            #expect(await again.receipts.isEmpty, "a second upload session was opened")
            #expect(await Self.youtubePosts(sandbox).count == 1)
        }
    }

    @Test func aFailedSearchAfterAnExpiredSessionOpensNothing() async throws {
        try await SandboxHarness.run { sandbox in
            let saved = try await Self.crashMidUpload(sandbox)
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expireSession))
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .serverError, path: "/youtube/v3/search"))
            let again = PendingBox()
            let outcome = await YouTubeClientTests.client(sandbox.environment).publish(
                YouTubeClientTests.post(), credentials: Self.credentials, pending: saved, onPending: again.recorder)
            #expect(outcome.isTransient, "\(outcome)")
            #expect(await again.receipts.isEmpty, "a session was opened without knowing whether the video exists")
            #expect(await Self.youtubePosts(sandbox).isEmpty)
        }
    }
}
