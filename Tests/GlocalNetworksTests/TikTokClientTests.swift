import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// The TikTok client against the sandbox over real HTTP: creator info before each post, direct post with
/// FILE_UPLOAD (chunked, resumed after a dropped chunk and after a crash from the saved `publish_id`) or
/// PULL_FROM_URL, metrics, refresh and the documented faults.
@Suite struct TikTokClientTests {
    static func credentials(_ account: String = "lumtt") -> AccountCredentials {
        AccountCredentials(
            accessToken: "\(account)~secret-access-0", refreshToken: "\(account)~secret-refresh-0", clientID: "client-key-tt",
            clientSecret: "secret-client-tt")
    }

    static func post(bytes: Int = 1_000, options: TikTokPostOptions = TikTokPostOptions(), publicURL: URL? = nil)
        -> OutgoingPost
    {
        let data = Data((0..<bytes).map { UInt8($0 % 253) })
        return OutgoingPost(
            variantID: "hydra-launch/teaser/lum-us-tiktok", network: .tiktok, accountID: "lum-us-tiktok", handle: "lumiere.us",
            locale: "en-US", text: "Thirsty skin? Meet Hydra 💧 #HydraSerum",
            media: [MediaFile(path: "assets/hydra/teaser.mp4", publicURL: publicURL) { data }], tiktok: options)
    }

    static func client(_ environment: ClientEnvironment, pull: Bool = false) -> TikTokClient {
        TikTokClient(environment: environment, preferredChunk: 5_000_000, pullFromURL: pull, pollInterval: .milliseconds(1))
    }

    static func posts(_ sandbox: SandboxHarness) async -> [SandboxPost] {
        await sandbox.state.storedPosts(network: "tiktok").filter { $0.kind == "post" }
    }

    @Test func aDirectPostSendsPostInfoAndUploadsTheVideo() async throws {
        try await SandboxHarness.run { sandbox in
            let options = TikTokPostOptions(
                privacyLevel: .mutualFollowFriends, disableComment: true, disableDuet: true, disableStitch: false,
                brandContentToggle: false, brandOrganicToggle: true)
            let pending = PendingBox()
            let outcome = await Self.client(sandbox.environment).publish(
                Self.post(options: options), credentials: Self.credentials(), pending: nil, onPending: pending.recorder)
            guard case .published(let receipt) = outcome else { Issue.record("expected published, got \(outcome)"); return }
            let stored = try #require(await Self.posts(sandbox).first)
            // MUTUAL_FOLLOW_FRIENDS is not public: TikTok gives no public post id, the publish_id stands for it.
            #expect(receipt.remoteID == receipt.extra["publish_id"])
            #expect(await pending.receipts.map(\.remoteID) == [receipt.remoteID])
            let body = try #require(JSONSerialization.jsonObject(with: Data(stored.body.utf8)) as? [String: Any])
            let info = try #require(body["post_info"] as? [String: Any])
            #expect(info["title"] as? String == "Thirsty skin? Meet Hydra 💧 #HydraSerum")
            #expect(info["privacy_level"] as? String == "MUTUAL_FOLLOW_FRIENDS")
            #expect(info["disable_comment"] as? Bool == true)
            #expect(info["disable_duet"] as? Bool == true)
            #expect(info["disable_stitch"] as? Bool == false)
            #expect(info["brand_organic_toggle"] as? Bool == true)
            #expect(info["brand_content_toggle"] as? Bool == false)
            // Under 5 MB, the video goes whole.
            let source = try #require(body["source_info"] as? [String: Any])
            #expect(source["source"] as? String == "FILE_UPLOAD")
            #expect(source["video_size"] as? Int == 1_000)
            #expect(source["chunk_size"] as? Int == 1_000)
            #expect(source["total_chunk_count"] as? Int == 1)
        }
    }

    @Test func aPublicPostIsKnownByItsPublicID() async throws {
        try await SandboxHarness.run { sandbox in
            let outcome = await Self.client(sandbox.environment).publish(Self.post(), credentials: Self.credentials())
            guard case .published(let receipt) = outcome else { Issue.record("expected published, got \(outcome)"); return }
            #expect(receipt.remoteID == (await Self.posts(sandbox)).first?.id)
            #expect(receipt.url == "https://www.tiktok.com/video/\(receipt.remoteID)")
            #expect(receipt.extra["publish_id"]?.hasPrefix("v_pub_file~v2-1.") == true)
        }
    }

    @Test func aPrivacyLevelTheCreatorDoesNotOfferIsRefusedBeforeSending() async throws {
        try await SandboxHarness.run { sandbox in
            let outcome = await Self.client(sandbox.environment).publish(
                Self.post(), credentials: Self.credentials("private-lum"))
            #expect(
                outcome
                    == .invalidContent(
                        "TikTok account lumiere.us does not offer privacy_level PUBLIC_TO_EVERYONE (it offers "
                            + "FOLLOWER_OF_CREATOR, SELF_ONLY); set privacy_level in the post's tiktok override"))
            #expect(await sandbox.state.storedPosts(network: "tiktok").isEmpty)
        }
    }

    @Test func anUnauditedAppMayPostSelfOnly() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            let refused = await client.publish(Self.post(), credentials: Self.credentials("unaudited-lum"))
            guard case .invalidContent(let reason) = refused else { Issue.record("got \(refused)"); return }
            #expect(reason.contains("unaudited_client_can_only_post_to_private_accounts"))
            let selfOnly = await client.publish(
                Self.post(options: TikTokPostOptions(privacyLevel: .selfOnly)), credentials: Self.credentials("unaudited-lum"))
            guard case .published = selfOnly else { Issue.record("expected published, got \(selfOnly)"); return }
            #expect(await Self.posts(sandbox).count == 1)
        }
    }

    @Test func aDroppedChunkIsResumedFromTheUploadedBytes() async throws {
        try await SandboxHarness.run { sandbox in
            // 11 MB in chunks of 5 MB: total_chunk_count 2, the last chunk 6 MB.
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .dropAfterStore, count: 1, path: "tiktok/video"))
            let post = Self.post(bytes: 11_000_000)
            let outcome = await Self.client(sandbox.relaxedEnvironment).publish(post, credentials: Self.credentials())
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            let stored = try #require(await Self.posts(sandbox).first)
            let source = (try JSONSerialization.jsonObject(with: Data(stored.body.utf8)) as? [String: Any])?["source_info"]
            #expect((source as? [String: Any])?["total_chunk_count"] as? Int == 2)
            #expect(await Self.posts(sandbox).count == 1)
            #expect(await sandbox.state.pendingFaults().isEmpty)
        }
    }

    @Test func afterACrashTheSavedPublishIDResumesTheUploadAndNothingIsPostedTwice() async throws {
        try await SandboxHarness.run { sandbox in
            let post = Self.post(bytes: 11_000_000)
            let pending = PendingBox()
            let crashing = ClientEnvironment(
                transport: CrashAfterUploadsTransport(sandbox.relaxedEnvironment.transport, uploads: 1),
                endpoints: sandbox.environment.endpoints, clock: sandbox.environment.clock)
            let first = await Self.client(crashing).publish(
                post, credentials: Self.credentials(), pending: nil, onPending: pending.recorder)
            #expect(first.isUnknown, "\(first)")
            let saved = try #require(await pending.last)
            #expect(await Self.posts(sandbox).isEmpty)
            let client = Self.client(sandbox.relaxedEnvironment)
            #expect(await client.lookUp(post, pending: saved, credentials: Self.credentials()) == .notFound)
            let again = PendingBox()
            let resumed = await client.publish(post, credentials: Self.credentials(), pending: saved, onPending: again.recorder)
            guard case .published(let receipt) = resumed else { Issue.record("expected published, got \(resumed)"); return }
            #expect(await again.receipts.isEmpty, "a second post was initialised")
            #expect(receipt.extra["publish_id"] == saved.remoteID)
            #expect(await Self.posts(sandbox).count == 1)
            #expect(await client.lookUp(post, pending: saved, credentials: Self.credentials()) == .found(receipt))
            #expect(
                await client.publish(post, credentials: Self.credentials(), pending: saved, onPending: again.recorder)
                    == .duplicate(receipt))
            #expect(await Self.posts(sandbox).count == 1)
        }
    }

    @Test func pullFromURLLetsTikTokFetchTheVideo() async throws {
        try await SandboxHarness.run { sandbox in
            let post = Self.post(publicURL: URL(string: "https://cdn.lumiere.example/teaser.mp4"))
            let outcome = await Self.client(sandbox.environment, pull: true).publish(post, credentials: Self.credentials())
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            let stored = try #require(await Self.posts(sandbox).first)
            let source = (try JSONSerialization.jsonObject(with: Data(stored.body.utf8)) as? [String: Any])?["source_info"]
            #expect((source as? [String: Any])?["source"] as? String == "PULL_FROM_URL")
            #expect((source as? [String: Any])?["video_url"] as? String == "https://cdn.lumiere.example/teaser.mp4")
        }
    }

    @Test func lookUpWithoutAHandleFindsThePostByCaption() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            #expect(await client.lookUp(Self.post(), pending: nil, credentials: Self.credentials()) == .notFound)
            let receipt = try #require(await client.publish(Self.post(), credentials: Self.credentials()).receipt)
            guard case .found(let found) = await client.lookUp(Self.post(), pending: nil, credentials: Self.credentials()) else {
                Issue.record("not found")
                return
            }
            #expect(found.remoteID == receipt.remoteID)
        }
    }

    @Test func metricsAreTheVideosCounts() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            let receipt = try #require(await client.publish(Self.post(), credentials: Self.credentials()).receipt)
            await sandbox.state.advance(by: 6 * 3_600)
            guard case .fetched(let metrics) = await client.fetchMetrics(receipt, credentials: Self.credentials()) else {
                Issue.record("no metrics")
                return
            }
            #expect(Set(metrics.counters.keys) == ["like_count", "comment_count", "share_count", "view_count"])
            #expect((metrics.counters["view_count"] ?? 0) > 0)
        }
    }

    @Test func refreshUsesClientKeyAndAnExpiredRefreshTokenNeedsAReconnect() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            guard case .refreshed(let fresh) = await client.refreshCredentials(Self.credentials()) else {
                Issue.record("not refreshed")
                return
            }
            #expect(fresh.accessToken == "lumtt~access-1")
            #expect(fresh.refreshToken == "lumtt~refresh-1")
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .expiredToken, path: "oauth/token"))
            #expect(
                await client.refreshCredentials(Self.credentials())
                    == .reconnectRequired(RefreshRefusal.reason(error: "invalid_grant", status: 400)))
        }
    }

    @Test func theDocumentedFaultsMapToTheirOutcomes() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .rateLimit))
            #expect(await client.publish(Self.post(), credentials: Self.credentials()) == .rateLimited(until: nil))
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .expiredToken))
            #expect(await client.publish(Self.post(), credentials: Self.credentials()).isReconnect)
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .serverError))
            #expect(await client.publish(Self.post(), credentials: Self.credentials()).isTransient)
            #expect(await sandbox.state.storedPosts(network: "tiktok").isEmpty)
        }
    }
}
