import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// The YouTube client against the sandbox over real HTTP: the resumable upload, its resumption after a dropped chunk
/// and after a crash (never a second session), the thumbnail, metrics, refresh and the documented faults.
@Suite struct YouTubeClientTests {
    static let credentials = AccountCredentials(
        accessToken: "lumyt~secret-access-0", refreshToken: "lumyt~secret-refresh-0", clientID: "client-yt",
        clientSecret: "secret-client-yt")
    /// 600 000 bytes: with 256 KiB chunks, 262 144 + 262 144 + 75 712.
    static let videoBytes = Data((0..<600_000).map { UInt8($0 % 251) })

    static func post(thumbnail: Bool = false) -> OutgoingPost {
        var media = [MediaFile(path: "assets/hydra/teaser.mp4") { videoBytes }]
        if thumbnail { media.append(MediaFile(path: "assets/hydra/cover.jpg") { Data([0xFF, 0xD8, 0xFF, 0xE0]) }) }
        return OutgoingPost(
            variantID: "hydra-launch/teaser/lum-us-youtube", network: .youtube, accountID: "lum-us-youtube",
            handle: "LumiereUS", locale: "en-US", text: "Thirsty skin? Meet Hydra. #HydraSerum", title: "Meet Hydra",
            media: media,
            youtube: YouTubeVideoOptions(
                tags: ["hydra serum", "winter"], privacy: .unlisted, notifySubscribers: false, categoryID: "26"))
    }

    static func client(_ environment: ClientEnvironment) -> YouTubeClient {
        YouTubeClient(environment: environment, chunkSize: 262_144)
    }

    @Test func publishUploadsInChunksAndSendsTheVideoResource() async throws {
        try await SandboxHarness.run { sandbox in
            let pending = PendingBox()
            let outcome = await Self.client(sandbox.environment).publish(
                Self.post(), credentials: Self.credentials, pending: nil, onPending: pending.recorder)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            let posts = await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }
            #expect(posts.count == 1)
            #expect(posts.first?.id == receipt.remoteID)
            #expect(receipt.url == "https://www.youtube.com/watch?v=\(receipt.remoteID)")
            // The session was recorded before the first byte, once.
            #expect(await pending.receipts.count == 1)
            #expect(await pending.last?.extra["upload_session"] == receipt.extra["upload_session"])
            let body = try #require(JSONSerialization.jsonObject(with: Data((posts.first?.body ?? "").utf8)) as? [String: Any])
            let snippet = try #require(body["snippet"] as? [String: Any])
            #expect(snippet["title"] as? String == "Meet Hydra")
            #expect(snippet["description"] as? String == "Thirsty skin? Meet Hydra. #HydraSerum")
            #expect(snippet["tags"] as? [String] == ["hydra serum", "winter"])
            #expect(snippet["categoryId"] as? String == "26")
            #expect(snippet["defaultLanguage"] as? String == "en")
            #expect((body["status"] as? [String: Any])?["privacyStatus"] as? String == "unlisted")
        }
    }

    @Test func aDroppedChunkIsResumedFromTheRangeTheSessionHolds() async throws {
        try await SandboxHarness.run { sandbox in
            // The first chunk arrives but its answer is lost; so does the last one's.
            await sandbox.state.inject(
                SandboxFault(network: "youtube", kind: .dropAfterStore, count: 1, path: "upload/youtube/v3/videos"))
            let pending = PendingBox()
            let outcome = await Self.client(sandbox.relaxedEnvironment).publish(
                Self.post(), credentials: Self.credentials, pending: nil, onPending: pending.recorder)
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            #expect(await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }.count == 1)
            #expect(await pending.receipts.count == 1)
            #expect(await sandbox.state.pendingFaults().isEmpty)
        }
    }

    /// Loses the first `failures` chunks that carry bytes before they are sent (the connection drops), then sends on.
    struct LosingChunks: HTTPTransport {
        actor Counter {
            var lost = 0
            func loseOne(upTo failures: Int) -> Bool {
                guard lost < failures else { return false }
                lost += 1
                return true
            }
        }
        let inner: any HTTPTransport
        let failures: Int
        let counter = Counter()

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            if request.method == "PUT", !(request.body ?? Data()).isEmpty, await counter.loseOne(upTo: failures) {
                throw TransportError.connectionLost("dropped before the chunk arrived")
            }
            return try await inner.send(request)
        }
    }

    /// docs/networks.md: three interruptions without progress end the attempt as unknown; two are resumed.
    @Test(arguments: [(2, true), (3, false)])
    func threeInterruptionsWithoutProgressEndTheAttempt(_ failures: Int, _ published: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            var environment = sandbox.relaxedEnvironment
            environment.transport = LosingChunks(inner: sandbox.relaxedEnvironment.transport, failures: failures)
            let outcome = await Self.client(environment).publish(
                Self.post(), credentials: Self.credentials, pending: nil, onPending: { _ in })
            if published {
                #expect(outcome.receipt != nil, "\(outcome)")
            } else {
                #expect(outcome.isUnknown, "\(outcome)")
            }
            #expect(await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }.count == (published ? 1 : 0))
        }
    }

    @Test func aLostAnswerToTheLastChunkIsFoundByTheStatusQuery() async throws {
        try await SandboxHarness.run { sandbox in
            // Three chunks, each answer dropped after it is stored: every one is confirmed by a status query.
            await sandbox.state.inject(
                SandboxFault(network: "youtube", kind: .dropAfterStore, count: 3, path: "upload/youtube/v3/videos"))
            let outcome = await Self.client(sandbox.relaxedEnvironment).publish(Self.post(), credentials: Self.credentials)
            guard case .published = outcome else { Issue.record("expected published, got \(outcome)"); return }
            #expect(await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }.count == 1)
        }
    }

    @Test func afterACrashTheSavedSessionResumesAndNoSecondSessionOpens() async throws {
        try await SandboxHarness.run { sandbox in
            let pending = PendingBox()
            let crashing = ClientEnvironment(
                transport: CrashAfterUploadsTransport(sandbox.environment.transport, uploads: 1),
                endpoints: sandbox.environment.endpoints, clock: sandbox.environment.clock)
            let first = await Self.client(crashing).publish(
                Self.post(), credentials: Self.credentials, pending: nil, onPending: pending.recorder)
            #expect(first.isUnknown, "\(first)")
            let saved = try #require(await pending.last)
            #expect(await sandbox.state.storedPosts(network: "youtube").isEmpty)
            // Reconciliation: the session holds one chunk, so the video is not there yet.
            let client = Self.client(sandbox.environment)
            #expect(await client.lookUp(Self.post(), pending: saved, credentials: Self.credentials) == .notFound)
            let again = PendingBox()
            let resumed = await client.publish(
                Self.post(), credentials: Self.credentials, pending: saved, onPending: again.recorder)
            guard case .published(let receipt) = resumed else { Issue.record("expected published, got \(resumed)"); return }
            #expect(await again.receipts.isEmpty, "a second upload session was opened")
            #expect(receipt.extra["upload_session"] == saved.extra["upload_session"])
            #expect(await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }.count == 1)
            // Once complete, the same handle finds the video, and publishing again is a duplicate, not a second video.
            #expect(await client.lookUp(Self.post(), pending: saved, credentials: Self.credentials) == .found(receipt))
            let third = await client.publish(
                Self.post(), credentials: Self.credentials, pending: saved, onPending: again.recorder)
            #expect(third == .duplicate(receipt))
            #expect(await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "post" }.count == 1)
        }
    }

    @Test func anImageNextToTheVideoBecomesItsThumbnail() async throws {
        try await SandboxHarness.run { sandbox in
            let outcome = await Self.client(sandbox.environment).publish(
                Self.post(thumbnail: true), credentials: Self.credentials)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            #expect(receipt.extra["thumbnail"] == "assets/hydra/cover.jpg")
            let media = await sandbox.state.storedPosts(network: "youtube").filter { $0.kind == "media" }
            #expect(media.map(\.parentID) == [receipt.remoteID])
            #expect(media.first?.body == "4 bytes image/jpeg")
        }
    }

    @Test func theCampaignsThumbnailIsSentAfterTheUploadInsteadOfAnotherImage() async throws {
        try await SandboxHarness.run { sandbox in
            let thumbnail = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
            var post = Self.post(thumbnail: true)
            post.media.append(MediaFile(path: "assets/hydra/thumb.png") { thumbnail })
            post.youtube?.thumbnailPath = "assets/hydra/thumb.png"
            let outcome = await Self.client(sandbox.environment).publish(post, credentials: Self.credentials)
            let receipt = try #require(outcome.receipt, "\(outcome)")
            #expect(receipt.extra["thumbnail"] == "assets/hydra/thumb.png")
            let stored = await sandbox.state.storedPosts(network: "youtube")
            let media = stored.filter { $0.kind == "media" }
            #expect(media.map(\.parentID) == [receipt.remoteID])
            #expect(media.first?.body == "\(thumbnail.count) bytes image/png")
            // The thumbnail goes to the uploaded video: the video was stored first.
            #expect(stored.filter { $0.kind == "post" }.map(\.id) == [receipt.remoteID])
        }
    }

    @Test func lookUpWithoutAHandleFindsTheVideoByTitle() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            #expect(await client.lookUp(Self.post(), pending: nil, credentials: Self.credentials) == .notFound)
            let receipt = try #require(await client.publish(Self.post(), credentials: Self.credentials).receipt)
            let found = await client.lookUp(Self.post(), pending: nil, credentials: Self.credentials)
            #expect(found == .found(PublishReceipt(remoteID: receipt.remoteID, url: receipt.url)))
        }
    }

    @Test func metricsAreTheVideosStatistics() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            let receipt = try #require(await client.publish(Self.post(), credentials: Self.credentials).receipt)
            await sandbox.state.advance(by: 6 * 3_600)
            guard case .fetched(let metrics) = await client.fetchMetrics(receipt, credentials: Self.credentials) else {
                Issue.record("no metrics")
                return
            }
            #expect(Set(metrics.counters.keys) == ["viewCount", "likeCount", "favoriteCount", "commentCount"])
            #expect((metrics.counters["viewCount"] ?? 0) > 0)
            #expect(metrics.counters["favoriteCount"] == 0)
        }
    }

    @Test func refreshKeepsTheRefreshTokenGoogleDoesNotSendBack() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            guard case .refreshed(let fresh) = await client.refreshCredentials(Self.credentials) else {
                Issue.record("not refreshed")
                return
            }
            #expect(fresh.accessToken == "lumyt~access-1")
            #expect(fresh.refreshToken == "lumyt~secret-refresh-0")
            #expect(fresh.expiresAt == SandboxHarness.start.addingTimeInterval(3_599))
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expiredToken, path: "/token"))
            #expect(
                await client.refreshCredentials(Self.credentials)
                    == .reconnectRequired(RefreshRefusal.reason(error: "invalid_grant", status: 400)))
        }
    }

    @Test func theDocumentedFaultsMapToTheirOutcomes() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .rateLimit))
            // quotaExceeded: spent until midnight Pacific. 2026-12-01 09:00 UTC is 01:00 PST; midnight is 08:00 UTC.
            let quota = await client.publish(Self.post(), credentials: Self.credentials)
            #expect(quota == .rateLimited(until: SandboxHarness.start.addingTimeInterval(23 * 3_600)))
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expiredToken))
            #expect(await client.publish(Self.post(), credentials: Self.credentials).isReconnect)
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .serverError))
            #expect(await client.publish(Self.post(), credentials: Self.credentials).isTransient)
            #expect(await sandbox.state.storedPosts(network: "youtube").isEmpty)
        }
    }

    @Test func theProjectsDailyUploadBucketAdmitsAHundredUploads() async throws {
        try await SandboxHarness.run { sandbox in
            let client = Self.client(sandbox.environment)
            for number in 1...YouTubeQuota.standard.uploadsPerDay {
                let outcome = await client.publish(Self.post(), credentials: Self.credentials)
                guard case .published = outcome else {
                    Issue.record("upload \(number): expected published, got \(outcome)"); return
                }
            }
            guard case .rateLimited = await client.publish(Self.post(), credentials: Self.credentials) else {
                Issue.record("the 101st upload of the day was not refused")
                return
            }
            #expect(YouTubeQuota.standard.uploadsPerDay == 100)
        }
    }
}
