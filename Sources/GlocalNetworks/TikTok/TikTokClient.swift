import Foundation
import GlocalCore

/// TikTok Content Posting API (Direct Post): `creator_info/query` before each post (a privacy level the creator does
/// not offer is refused before anything is sent), `post/publish/video/init` with `FILE_UPLOAD` (chunked `PUT`s with
/// `Content-Range`) or `PULL_FROM_URL`, then `post/publish/status/fetch` until `PUBLISH_COMPLETE`.
///
/// The `publish_id` (with the upload URL) goes to `onPending` before the first byte: a later `publish` of the same
/// variant asks its status and resumes the upload from `uploaded_bytes`, never initialising a second post.
public struct TikTokClient: NetworkClient {
    /// Always `.tiktok`.
    public let network = Network.tiktok
    let environment: ClientEnvironment
    /// Preferred chunk size (clamped to TikTok's 5–64 MB).
    public let preferredChunk: Int
    /// Let TikTok download videos that have a public URL (`PULL_FROM_URL`, on a domain verified with TikTok).
    public let pullFromURL: Bool
    /// Time between status polls, and how many.
    public let pollInterval: Duration
    let maxPolls: Int

    /// Creates a client.
    public init(
        environment: ClientEnvironment, preferredChunk: Int = 10_000_000, pullFromURL: Bool = false,
        pollInterval: Duration = .seconds(2), maxPolls: Int = 30
    ) {
        self.environment = environment
        self.preferredChunk = preferredChunk
        self.pullFromURL = pullFromURL
        self.pollInterval = pollInterval
        self.maxPolls = maxPolls
    }

    private func requests(_ credentials: AccountCredentials) -> TikTokRequests {
        TikTokRequests(
            base: environment.endpoints.apiBase(.tiktok, credentials: credentials) ?? URL(string: "https://open.tiktokapis.com")!,
            token: credentials.accessToken)
    }

    private func call(
        _ request: HTTPRequest, mutates: Bool, credentials: AccountCredentials
    ) async throws(NetworkFailure) -> JSON {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let response = try await api.send(request, mutates: mutates) { TikTokResponseClassifier.classify($0, now: now) }
        return try api.json(response, mutated: mutates)["data"]
    }

    /// The `post_info` sent at init.
    static func postInfo(for post: OutgoingPost) -> [String: Any] {
        let options = post.tiktok ?? TikTokPostOptions()
        return [
            "title": post.text, "privacy_level": options.privacyLevel.rawValue, "disable_comment": options.disableComment,
            "disable_duet": options.disableDuet, "disable_stitch": options.disableStitch,
            "brand_content_toggle": options.brandContentToggle, "brand_organic_toggle": options.brandOrganicToggle,
        ]
    }

    /// A privacy level the creator's account does not offer, refused with the ones it does.
    static func privacyRefusal(_ level: TikTokPrivacyLevel, offered: [String], handle: String) -> PublishOutcome? {
        guard !offered.contains(level.rawValue) else { return nil }
        return .invalidContent(
            "TikTok account \(handle) does not offer privacy_level \(level.rawValue) (it offers "
                + "\(offered.isEmpty ? "none" : offered.joined(separator: ", "))); "
                + "set privacy_level in the post's tiktok override"
        )
    }

    /// A video longer than the creator may post (`creator_info`'s `max_video_post_duration_sec`: 3, 5 or 10 minutes by
    /// account), refused before init; `nil` when it fits or its duration cannot be read from the MP4/MOV container.
    public static func durationRefusal(of bytes: Data, path: String, maxSeconds: Int?, handle: String) -> PublishOutcome? {
        guard let maxSeconds, maxSeconds > 0 else { return nil }
        let decoding = MediaContentReader.read(DataBytes(data: bytes), fileExtension: MediaPath.fileExtension(path))
        guard let seconds = decoding.content?.durationSeconds, seconds > Double(maxSeconds) else { return nil }
        return .invalidContent(
            "the video lasts \(Int(seconds.rounded(.up))) s, but TikTok account \(handle) may post at most \(maxSeconds) s "
                + "(creator_info max_video_post_duration_sec); give tiktok a shorter cut with a per-network 'media' override")
    }

    /// Checks the creator, initialises the post, uploads the video (or lets TikTok pull it), waits for the outcome;
    /// a saved `publish_id` is resumed instead.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        guard let video = post.media.first(where: \.isVideo), post.media.count == 1 else {
            return .invalidContent("TikTok takes exactly one video")
        }
        let requests = requests(credentials)
        do {
            if let publishID = pending?.extra["publish_id"] {
                return try await resume(publishID, pending: pending!, video: video, requests: requests, credentials: credentials)
            }
            let creator = try await call(
                requests.post("/v2/post/publish/creator_info/query/"), mutates: false, credentials: credentials)
            let level = (post.tiktok ?? TikTokPostOptions()).privacyLevel
            if let refusal = Self.privacyRefusal(
                level, offered: creator["privacy_level_options"].array.compactMap(\.string), handle: post.handle)
            {
                return refusal
            }
            var source: [String: Any]
            var plan: TikTokChunkPlan?
            var bytes = Data()
            if pullFromURL, let url = video.publicURL {
                source = ["source": "PULL_FROM_URL", "video_url": url.absoluteString]
            } else {
                bytes = try await video.bytes()
                if let refusal = Self.durationRefusal(
                    of: bytes, path: video.path, maxSeconds: creator["max_video_post_duration_sec"].int, handle: post.handle)
                {
                    return refusal
                }
                let chunks = TikTokChunkPlan(videoSize: bytes.count, preferredChunk: preferredChunk)
                plan = chunks
                source = [
                    "source": "FILE_UPLOAD", "video_size": chunks.videoSize, "chunk_size": chunks.chunkSize,
                    "total_chunk_count": chunks.chunkCount,
                ]
            }
            // Init creates the post on TikTok's side: a lost answer may have created one.
            let initialised = try await call(
                requests.post(
                    "/v2/post/publish/video/init/", json: ["post_info": Self.postInfo(for: post), "source_info": source]),
                mutates: true, credentials: credentials)
            guard let publishID = initialised["publish_id"].string else { return .unknown("TikTok answered no publish_id") }
            var extra = ["publish_id": publishID]
            if let plan, let uploadURL = initialised["upload_url"].string {
                extra["upload_url"] = uploadURL
                extra["chunk_size"] = String(plan.chunkSize)
            }
            do { try await onPending(PublishReceipt(remoteID: publishID, extra: extra)) } catch {
                return .transient("could not record the TikTok publish_id")
            }
            if let plan {
                guard let url = extra["upload_url"].flatMap(URL.init(string:)) else {
                    return .transient("TikTok answered no upload_url")
                }
                try await upload(
                    bytes, plan: plan, from: 0, to: url, video: video, publishID: publishID, requests: requests,
                    credentials: credentials)
            }
            return try await awaitOutcome(publishID, extra: extra, credentials: credentials)
        } catch { return error.outcome }
    }

    private func resume(
        _ publishID: String, pending: PublishReceipt, video: MediaFile, requests: TikTokRequests, credentials: AccountCredentials
    ) async throws(NetworkFailure) -> PublishOutcome {
        let status = try await self.status(publishID, credentials: credentials)
        switch status["status"].string ?? "" {
        case "PUBLISH_COMPLETE": return .duplicate(Self.receipt(publishID, status: status, extra: pending.extra))
        case "FAILED": return .invalidContent("TikTok failed the post: \(status["fail_reason"].string ?? "no reason given")")
        case "PROCESSING_UPLOAD":
            guard let url = pending.extra["upload_url"].flatMap(URL.init(string:)) else { break }
            let bytes = try await video.bytes()
            var plan = TikTokChunkPlan(videoSize: bytes.count, preferredChunk: preferredChunk)
            if let saved = pending.extra["chunk_size"].flatMap(Int.init), saved > 0 {
                plan.chunkSize = saved
                plan.chunkCount = max(1, bytes.count / saved)
            }
            let uploaded = status["uploaded_bytes"].int ?? 0
            if uploaded < bytes.count {
                try await upload(
                    bytes, plan: plan, from: uploaded, to: url, video: video, publishID: publishID,
                    requests: requests, credentials: credentials)
            }
        default: break
        }
        return try await awaitOutcome(publishID, extra: pending.extra, credentials: credentials)
    }

    /// Sends the chunks from the one starting at `byte`; after a dropped chunk, `status/fetch`'s `uploaded_bytes`
    /// says where to go on (at most three interruptions without progress).
    private func upload(
        _ bytes: Data, plan: TikTokChunkPlan, from byte: Int, to url: URL, video: MediaFile, publishID: String,
        requests: TikTokRequests, credentials: AccountCredentials
    ) async throws(NetworkFailure) {
        let now = environment.clock()
        var next = byte
        var stalls = 0
        while next < bytes.count {
            guard let index = plan.chunk(startingAt: next) else {
                throw NetworkFailure(.transient("TikTok holds \(next) bytes, not a chunk boundary"))
            }
            let range = plan.range(of: index)
            let request = requests.put(
                url, chunk: Data(bytes[range]), range: range, total: bytes.count, mimeType: video.mimeType)
            do {
                let response = try await environment.transport.send(request)
                if let failure = TikTokResponseClassifier.classify(response, now: now) {
                    throw NetworkFailure(failure.redacting(credentials.secrets))
                }
                next = range.upperBound
                stalls = 0
            } catch let failure as NetworkFailure {
                throw failure
            } catch {
                stalls += 1
                guard stalls <= 3 else {
                    throw NetworkFailure(.unknown("TikTok upload interrupted at byte \(next) of \(bytes.count)"))
                }
                // The chunk may or may not have arrived; the saved publish_id resumes it when even the status is lost.
                let held: Int
                do { held = try await status(publishID, credentials: credentials)["uploaded_bytes"].int ?? next } catch {
                    throw NetworkFailure(.unknown("TikTok upload interrupted at byte \(next) of \(bytes.count)"))
                }
                if held > next { stalls = 0 }
                next = held
            }
        }
    }

    private func status(_ publishID: String, credentials: AccountCredentials) async throws(NetworkFailure) -> JSON {
        try await call(
            requests(credentials).post("/v2/post/publish/status/fetch/", json: ["publish_id": publishID]), mutates: false,
            credentials: credentials)
    }

    static func receipt(_ publishID: String, status: JSON, extra: [String: String]) -> PublishReceipt {
        var extra = extra
        extra["publish_id"] = publishID
        guard let id = status["publicaly_available_post_id"][0].string else {
            // A SELF_ONLY post has no public id: the publish_id is all there is.
            return PublishReceipt(remoteID: publishID, extra: extra)
        }
        return PublishReceipt(remoteID: id, url: "https://www.tiktok.com/video/\(id)", extra: extra)
    }

    /// Polls `status/fetch` until TikTok has published or failed the post.
    private func awaitOutcome(
        _ publishID: String, extra: [String: String], credentials: AccountCredentials
    ) async throws(NetworkFailure) -> PublishOutcome {
        for poll in 0...maxPolls {
            let status = try await status(publishID, credentials: credentials)
            switch status["status"].string ?? "" {
            case "PUBLISH_COMPLETE": return .published(Self.receipt(publishID, status: status, extra: extra))
            case "FAILED": return .invalidContent("TikTok failed the post: \(status["fail_reason"].string ?? "no reason given")")
            default: if poll < maxPolls { try? await Task.sleep(for: pollInterval) }
            }
        }
        return .unknown("TikTok is still processing \(publishID)")
    }

    /// The saved `publish_id`'s status, or the creator's recent videos (`video/list`) by caption.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        do {
            if let publishID = pending?.extra["publish_id"] {
                let status = try await status(publishID, credentials: credentials)
                switch status["status"].string ?? "" {
                case "PUBLISH_COMPLETE": return .found(Self.receipt(publishID, status: status, extra: pending!.extra))
                case "FAILED", "PROCESSING_UPLOAD": return .notFound
                default: return .failed(.transient("TikTok is still processing \(publishID)"))
                }
            }
            let list = try await call(
                requests(credentials).post(
                    "/v2/video/list/", query: [("fields", "id,title,video_description,share_url,create_time")],
                    json: ["max_count": 20]), mutates: false, credentials: credentials)
            for video in list["videos"].array
            where PostTextMatcher.matches(post.text, video["video_description"].string ?? video["title"].string ?? "") {
                // No `createdAt` from `create_time`: shared/specs holds no TikTok reference that documents it, so
                // the dispatcher dates the post by the look-up.
                if let id = video["id"].string {
                    return .found(PublishReceipt(remoteID: id, url: video["share_url"].string))
                }
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `video/query` with likes, comments, shares and views.
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        do {
            let data = try await call(
                requests(credentials).post(
                    "/v2/video/query/", query: [("fields", "id,like_count,comment_count,share_count,view_count")],
                    json: ["filters": ["video_ids": [receipt.remoteID]]]), mutates: false, credentials: credentials)
            guard let video = data["videos"].array.first(where: { $0["id"].string == receipt.remoteID }) else {
                return .failed(.permanent("TikTok has no video \(receipt.remoteID)"))
            }
            var counters: [String: Int] = [:]
            for name in ["like_count", "comment_count", "share_count", "view_count"] {
                if let value = video[name].int { counters[name] = value }
            }
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: environment.clock()))
        } catch { return .failed(error.outcome) }
    }

    /// `POST /v2/oauth/token/` with `grant_type=refresh_token`, `client_key` and `client_secret`.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no TikTok refresh token") }
        let base =
            environment.endpoints.authBase(.tiktok, credentials: credentials) ?? URL(string: "https://open.tiktokapis.com")!
        let form = FormEncoding.encode([
            ("client_key", credentials.clientID ?? ""), ("client_secret", credentials.clientSecret ?? ""),
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
        ])
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/v2/oauth/token/"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
