import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// Account ids in the form each network uses: numeric X and Mastodon ids (asked of the network when the stored id is
/// not one), Bluesky `did:plc:` and `did:web:` DIDs (asked with `getSession` otherwise).
@Suite struct AccountIDTests {
    static func post(_ network: Network, text: String = "Hydra arrive au Canada") -> OutgoingPost {
        OutgoingPost(
            variantID: "hydra/teaser/lum-\(network.rawValue)", network: network, accountID: "lum-\(network.rawValue)",
            handle: "lumiere", locale: "fr-CA", text: text)
    }

    @Test(arguments: [Network.x, .mastodon])
    func lookUpFindsThePostWhateverFormTheStoredIdHas(_ network: Network) async throws {
        try await SandboxHarness.run { sandbox in
            let client: any NetworkClient =
                network == .x ? XClient(environment: sandbox.environment) : MastodonClient(environment: sandbox.environment)
            let named = AccountCredentials(accessToken: "lumiere-ca~token", remoteUserID: "lumiere-ca")
            let published = try #require(await client.publish(Self.post(network), credentials: named).receipt)
            let stored = try #require(await sandbox.state.storedPosts(network: network.rawValue).first { $0.kind == "post" })
            #expect(stored.account.allSatisfy { $0.isNumber }, "the network keeps the post under a numeric id")
            for remoteUserID in [stored.account, "lumiere-ca", nil] {
                var credentials = named
                credentials.remoteUserID = remoteUserID
                let found = await client.lookUp(Self.post(network), pending: nil, credentials: credentials)
                #expect(found == .found(published) || found.remoteID == published.remoteID, "with \(remoteUserID ?? "nil")")
            }
        }
    }

    @Test(arguments: ["did:plc:ewvi7nxzyoun6zhxrhs64oiz", "did:web:lumiere.example"])
    func blueskyPostsToTheDIDItIsGiven(_ did: String) async throws {
        try await SandboxHarness.run { sandbox in
            let client = BlueskyClient(environment: sandbox.environment)
            let credentials = AccountCredentials(accessToken: "\(did)~token", remoteUserID: did)
            let published = try #require(await client.publish(Self.post(.bluesky), credentials: credentials).receipt)
            #expect(published.remoteID.hasPrefix("at://\(did)/app.bsky.feed.post/"))
            #expect(
                await client.lookUp(Self.post(.bluesky), pending: nil, credentials: credentials).remoteID == published.remoteID)
        }
    }

    @Test func blueskyAsksTheSessionForItsDIDWhenTheStoredIdIsNotOne() async throws {
        try await SandboxHarness.run { sandbox in
            let client = BlueskyClient(environment: sandbox.environment)
            let credentials = AccountCredentials(
                accessToken: "lumiere-fr~token", refreshToken: "lumiere-fr~refresh", remoteUserID: "lumiere-fr")
            let published = try #require(await client.publish(Self.post(.bluesky), credentials: credentials).receipt)
            guard case .refreshed(let refreshed) = await client.refreshCredentials(credentials) else {
                Issue.record("refresh failed")
                return
            }
            let did = try #require(refreshed.remoteUserID)
            #expect(BlueskyClient.isAccountDID(did), "refreshSession's DID is kept: \(did)")
            #expect(published.remoteID.hasPrefix("at://\(did)/"), "the post went to the session's repo")
            #expect(await client.lookUp(Self.post(.bluesky), pending: nil, credentials: refreshed).remoteID == published.remoteID)
        }
    }
}

/// Mastodon processes a video after its upload (202, `url` null) and refuses a status that attaches it before it is
/// done, so the client checks `GET /api/v1/media/:id` until it answers 200 (mastodon/media.md).
@Suite struct MastodonVideoProcessingTests {
    @Test func theStatusWaitsForTheVideoToFinishProcessing() async throws {
        try await SandboxHarness.run { sandbox in
            let client = MastodonClient(environment: sandbox.environment, pollInterval: .milliseconds(1))
            var post = AccountIDTests.post(.mastodon)
            post.media = [MediaFile(path: "assets/hydra/clip.mp4") { Data(repeating: 1, count: 64) }]
            let credentials = AccountCredentials(accessToken: "42~token", remoteUserID: "42")
            let outcome = await client.publish(post, credentials: credentials)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            let status = try #require(await sandbox.state.storedPosts(network: "mastodon").first { $0.id == receipt.remoteID })
            #expect(status.body.contains("media_ids"), "the video is attached: \(status.body)")
        }
    }

    @Test func aVideoThatNeverFinishesIsATransientFailureAndNoStatus() async throws {
        try await SandboxHarness.run { sandbox in
            // One check only: the sandbox's video is still processing at the first (206).
            let client = MastodonClient(environment: sandbox.environment, pollInterval: .milliseconds(1), maxPolls: 1)
            var post = AccountIDTests.post(.mastodon)
            post.media = [MediaFile(path: "assets/hydra/clip.mp4") { Data(repeating: 1, count: 64) }]
            let outcome = await client.publish(post, credentials: AccountCredentials(accessToken: "42~token", remoteUserID: "42"))
            #expect(outcome.receipt == nil)
            #expect("\(outcome)".contains("still processing"), "\(outcome)")
            #expect(await sandbox.state.storedPosts(network: "mastodon").allSatisfy { $0.kind != "post" })
        }
    }
}
