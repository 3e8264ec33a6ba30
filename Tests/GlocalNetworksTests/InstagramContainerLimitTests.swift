import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Instagram's limit on containers, as the sandbox enforces it: the client reads the refusal as a rate limit until
/// access comes back, never as a lost post or one published twice, whether it made a single container, a carousel's
/// children or a new container for an attempt whose saved one expired.
@Suite struct InstagramContainerLimitTests {
    static let instagram = ClientCase.all.first { $0.network == .instagram }!

    static func post(_ text: String, images: Int = 1) -> OutgoingPost {
        var post = instagram.post
        post.text = text
        post.variantID += "/\(text)"
        post.media = (0..<images).map { index in
            MediaFile(path: "assets/\(index).jpg", publicURL: URL(string: "https://cdn.lumiere.example/\(index).jpg")) {
                Data([0xFF, 0xD8, 0xFF])
            }
        }
        return post
    }

    @Test func aSpentContainerLimitIsARateLimitUntilTheOldestContainerLeavesTheWindow() async throws {
        try await SandboxHarness.run { sandbox in
            _ = await sandbox.state.setLimits(["instagram/containers": 2])
            let client = Self.instagram.make(sandbox.environment)
            let credentials = Self.instagram.credentials
            #expect(await client.publish(Self.post("Un"), credentials: credentials).receipt != nil)
            await sandbox.state.advance(by: 3600)
            let pending = PendingBox()
            let carousel = await client.publish(
                Self.post("Deux", images: 2), credentials: credentials, pending: nil, onPending: pending.recorder)
            // The first child fits, the second does not: nothing is published, nothing is left pending.
            let regained = sandbox.now.addingTimeInterval(86_400 - 3600)
            #expect(carousel == .rateLimited(until: regained), "got \(carousel)")
            #expect(await pending.last == nil)
            let single = await client.publish(Self.post("Trois"), credentials: credentials)
            #expect(single == .rateLimited(until: regained), "got \(single)")
            #expect(await sandbox.posts(Self.instagram).map(\.text) == ["Un"])
        }
    }

    @Test func aResumedAttemptWhoseContainerExpiredIsARateLimitNotADuplicate() async throws {
        try await SandboxHarness.run { sandbox in
            _ = await sandbox.state.setLimits(["instagram/containers": 2])
            let client = Self.instagram.make(sandbox.environment)
            let credentials = Self.instagram.credentials
            let post = Self.post("Quatre")
            let pending = PendingBox()
            // An attempt saves its container, then dies before publishing it.
            let first = await client.publish(
                post, credentials: credentials, pending: nil,
                onPending: { receipt in
                    await pending.record(receipt)
                    throw CancellationError()
                })
            #expect(first.isTransient, "got \(first)")
            let saved = try #require(await pending.last)
            await sandbox.state.advance(by: 3600)
            #expect(await client.publish(Self.post("Un"), credentials: credentials).receipt != nil)
            // A day after the saved container was made it has expired and left the window, and another post took its
            // place: the retry's new container would be the third within 24 hours, until the hour-old one leaves.
            await sandbox.state.advance(by: 86_400 - 3600)
            #expect(await client.publish(Self.post("Deux"), credentials: credentials).receipt != nil)
            let retried = await client.publish(post, credentials: credentials, pending: saved, onPending: pending.recorder)
            #expect(retried == .rateLimited(until: sandbox.now.addingTimeInterval(3600)), "got \(retried)")
            await sandbox.state.advance(by: 3600)
            let later = await client.publish(post, credentials: credentials, pending: saved, onPending: pending.recorder)
            #expect(later.receipt != nil, "got \(later)")
            #expect(await sandbox.posts(Self.instagram).map(\.text).sorted() == ["Deux", "Quatre", "Un"])
        }
    }
}
