import Foundation
import GlocalCore

/// YouTube Data API v3: `videos.insert` by the resumable upload protocol, `thumbnails.set` for an image given next to
/// the video, `videos.list?part=statistics` for metrics, Google's OAuth token endpoint for refreshes.
///
/// The upload session URI is the reconciliation handle: it goes to `onPending` before the first byte, and a later
/// `publish` or `lookUp` of the same variant asks that session where it stands (`Content-Range: bytes */N`)
/// rather than opening another one, so a variant never becomes two videos.
public struct YouTubeClient: NetworkClient {
    /// Always `.youtube`.
    public let network = Network.youtube
    let environment: ClientEnvironment
    /// Bytes per upload `PUT` (a multiple of 256 KiB).
    public let chunkSize: Int

    /// Creates a client uploading in chunks of `chunkSize` bytes (rounded down to a multiple of 256 KiB, at least one).
    public init(environment: ClientEnvironment, chunkSize: Int = 8 * 1_048_576) {
        self.environment = environment
        let quantum = YouTubeResumableUpload.chunkQuantum
        self.chunkSize = max(quantum, chunkSize / quantum * quantum)
    }

    private func requests(_ credentials: AccountCredentials) -> YouTubeRequests {
        let base = environment.endpoints.apiBase(.youtube, credentials: credentials) ?? URL(string: "https://www.googleapis.com")!
        return YouTubeRequests(base: base, token: credentials.accessToken)
    }

    private func upload(_ credentials: AccountCredentials, now: Date) -> YouTubeResumableUpload {
        YouTubeResumableUpload(
            transport: environment.transport, requests: requests(credentials), secrets: credentials.secrets, now: now,
            chunkSize: chunkSize, maxStalls: 3)
    }

    /// The `video` resource sent to open the session.
    static func resource(for post: OutgoingPost) -> [String: Any] {
        let options = post.youtube ?? YouTubeVideoOptions()
        var snippet: [String: Any] = [
            "title": title(of: post), "description": post.text, "categoryId": options.categoryID,
            "defaultLanguage": post.languageCode,
        ]
        if !options.tags.isEmpty { snippet["tags"] = options.tags }
        return ["snippet": snippet, "status": ["privacyStatus": options.privacy.rawValue, "selfDeclaredMadeForKids": false]]
    }

    static func receipt(videoID: String, session: String?) -> PublishReceipt {
        var extra: [String: String] = [:]
        if let session { extra["upload_session"] = session }
        return PublishReceipt(remoteID: videoID, url: "https://www.youtube.com/watch?v=\(videoID)", extra: extra)
    }

    /// Uploads the video (resuming the saved session, if any), then sets the thumbnail when an image came with it.
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        guard let video = post.media.first(where: \.isVideo), post.media.filter(\.isVideo).count == 1 else {
            return .invalidContent("YouTube takes exactly one video")
        }
        let upload = upload(credentials, now: now)
        do {
            let bytes = try await video.bytes()
            if let saved = pending?.extra["upload_session"], let session = URL(string: saved) {
                switch try await upload.status(of: session, total: bytes.count) {
                case .complete(let resource):
                    return .duplicate(try await finish(resource, session: saved, post: post, api: api, credentials: credentials))
                case .incomplete(let next):
                    if let resource = try await upload.send(bytes, to: session, from: next) {
                        return .published(
                            try await finish(resource, session: saved, post: post, api: api, credentials: credentials))
                    }
                    if let settled = await afterExpiry(post, pending: pending!, credentials: credentials) { return settled }
                case .expired:
                    if let settled = await afterExpiry(post, pending: pending!, credentials: credentials) { return settled }
                }
            }
            let session = try await openSession(post, video: video, size: bytes.count, api: api, credentials: credentials)
            let uploadID = URLComponents(url: session, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "upload_id" }?.value
            let handle = PublishReceipt(
                remoteID: uploadID ?? "youtube-upload",
                extra: ["upload_session": session.absoluteString, "session_opened_at": UTCTimestamp.string(from: now)])
            do { try await onPending(handle) } catch { return .transient("could not record the YouTube upload session") }
            guard let resource = try await upload.send(bytes, to: session, from: 0) else {
                // The next attempt finds the saved session expired and searches the channel before opening another.
                return .transient("the YouTube upload session expired during the upload")
            }
            return .published(
                try await finish(resource, session: session.absoluteString, post: post, api: api, credentials: credentials))
        } catch { return error.outcome }
    }

    /// After the saved session expired: the channel's videos by title decide (``ExpiredUploadSession``) between the
    /// video found, a new session (`nil`), a later retry (the search's own failure) and a person's check.
    private func afterExpiry(
        _ post: OutgoingPost, pending: PublishReceipt, credentials: AccountCredentials
    ) async -> PublishOutcome? {
        let title = Self.title(of: post)
        let search = await searchChannel(for: title, credentials: credentials)
        let opened = pending.extra["session_opened_at"].flatMap(UTCTimestamp.date(from:))
        switch ExpiredUploadSession.decide(title: title, search: search.answer, sessionOpenedAt: opened) {
        case .alreadyPublished(let videoID): return .duplicate(Self.receipt(videoID: videoID, session: nil))
        case .startOver: return nil
        case .retryLater: return search.failure ?? .transient("the YouTube channel search failed")
        case .askPerson(let reason): return .permanent(reason)
        }
    }

    /// The title the video is published under (and searched by).
    static func title(of post: OutgoingPost) -> String { post.title ?? String(post.text.prefix(100)) }

    /// The channel's latest videos, newest first (`search?forMine=true&type=video&order=date`), matched by title.
    private func searchChannel(
        for title: String, credentials: AccountCredentials
    ) async -> (answer: ExpiredUploadSession.ChannelSearch, failure: PublishOutcome?) {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let search = requests(credentials).request(
            "GET", "/youtube/v3/search",
            query: [
                ("part", "snippet"), ("forMine", "true"), ("type", "video"), ("order", "date"), ("maxResults", "50"),
            ])
        do {
            let response = try await api.send(search, mutates: false) { YouTubeResponseClassifier.classify($0, now: now) }
            let page = try api.json(response, mutated: false)
            let items = page["items"].array
            for item in items where PostTextMatcher.matches(title, item["snippet"]["title"].string ?? "") {
                if let id = item["id"]["videoId"].string { return (.found(videoID: id), nil) }
            }
            let oldest = items.last?["snippet"]["publishedAt"].string.flatMap(UTCTimestamp.date(from:))
            return (.notFound(oldestListed: oldest, hasMore: page["nextPageToken"].string != nil), nil)
        } catch { return (.failed, error.outcome) }
    }

    /// `POST /upload/youtube/v3/videos?uploadType=resumable`: the session URI comes back in `Location`. Opening a session
    /// creates no video, so a lost answer is only transient.
    private func openSession(
        _ post: OutgoingPost, video: MediaFile, size: Int, api: APICaller, credentials: AccountCredentials
    ) async throws(NetworkFailure) -> URL {
        let now = environment.clock()
        let notify = (post.youtube ?? YouTubeVideoOptions()).notifySubscribers
        var request = requests(credentials).request(
            "POST", "/upload/youtube/v3/videos",
            query: [("uploadType", "resumable"), ("part", "snippet,status"), ("notifySubscribers", notify ? "true" : "false")],
            json: Self.resource(for: post))
        request.headers["X-Upload-Content-Length"] = String(size)
        request.headers["X-Upload-Content-Type"] = video.mimeType
        let response = try await api.send(request, mutates: false) { YouTubeResponseClassifier.classify($0, now: now) }
        guard let location = response.header("location"), let session = URL(string: location) else {
            throw NetworkFailure(.transient("YouTube opened no upload session"))
        }
        return session
    }

    /// The receipt of an uploaded video, after `thumbnails.set` when an image came with it (its failure is noted on
    /// the receipt: the video is live either way).
    private func finish(
        _ resource: JSON, session: String, post: OutgoingPost, api: APICaller, credentials: AccountCredentials
    ) async throws(NetworkFailure) -> PublishReceipt {
        guard let id = resource["id"].string, !id.isEmpty else {
            throw NetworkFailure(.unknown("YouTube finished the upload without a video id"))
        }
        var receipt = Self.receipt(videoID: id, session: session)
        let chosen = post.youtube?.thumbnailPath.flatMap { path in post.media.first { $0.path == path } }
        guard let thumbnail = chosen ?? post.media.first(where: { !$0.isVideo }) else { return receipt }
        let now = environment.clock()
        do {
            var request = requests(credentials).request("POST", "/upload/youtube/v3/thumbnails/set", query: [("videoId", id)])
            request.body = try await thumbnail.bytes()
            request.headers["Content-Type"] = thumbnail.mimeType
            _ = try await api.send(request, mutates: false) { YouTubeResponseClassifier.classify($0, now: now) }
            receipt.extra["thumbnail"] = thumbnail.path
        } catch { receipt.extra["thumbnail_error"] = error.outcome.description }
        return receipt
    }

    /// The saved session's state (complete: found; incomplete: not found, resume it), else the channel's own videos
    /// by title (`search?forMine=true&order=date`). The receipt has no `createdAt`: shared/specs holds no YouTube Data
    /// API reference that documents a video's creation time, so the dispatcher dates the post by the look-up.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        let now = environment.clock()
        do {
            if let saved = pending?.extra["upload_session"], let session = URL(string: saved),
                let video = post.media.first(where: \.isVideo)
            {
                let bytes = try await video.bytes()
                switch try await upload(credentials, now: now).status(of: session, total: bytes.count) {
                case .complete(let resource):
                    guard let id = resource["id"].string else { return .failed(.transient("YouTube answered no video id")) }
                    return .found(Self.receipt(videoID: id, session: saved))
                case .incomplete: return .notFound
                case .expired: break
                }
            }
            let search = await searchChannel(for: Self.title(of: post), credentials: credentials)
            switch search.answer {
            case .found(let id): return .found(Self.receipt(videoID: id, session: nil))
            case .failed: return .failed(search.failure ?? .transient("the YouTube channel search failed"))
            case .notFound: break
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// `videos.list?part=statistics`: views, likes, favourites, comments (Google sends them as strings).
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let api = APICaller(transport: environment.transport, secrets: credentials.secrets)
        let request = requests(credentials).request(
            "GET", "/youtube/v3/videos", query: [("part", "statistics"), ("id", receipt.remoteID)])
        do {
            let response = try await api.send(request, mutates: false) { YouTubeResponseClassifier.classify($0, now: now) }
            let items = try api.json(response, mutated: false)["items"].array
            guard let statistics = items.first?["statistics"] else {
                return .failed(.permanent("YouTube has no video \(receipt.remoteID)"))
            }
            var counters: [String: Int] = [:]
            for name in ["viewCount", "likeCount", "favoriteCount", "commentCount"] {
                if let value = statistics[name].int { counters[name] = value }
            }
            return .fetched(EngagementMetrics(counters: counters, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// `POST https://oauth2.googleapis.com/token` with `grant_type=refresh_token`; Google sends no new refresh token,
    /// so the stored one is kept.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no YouTube refresh token") }
        let base =
            environment.endpoints.auth[.youtube] ?? URL(string: "https://oauth2.googleapis.com")!
        let form = FormEncoding.encode([
            ("client_id", credentials.clientID ?? ""), ("client_secret", credentials.clientSecret ?? ""),
            ("refresh_token", refreshToken), ("grant_type", "refresh_token"),
        ])
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/token"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
