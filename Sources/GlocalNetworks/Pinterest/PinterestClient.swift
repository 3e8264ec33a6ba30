import Foundation
import GlocalCore

/// Pinterest API v5: a pin on the account's board (`POST /v5/pins`), an image by its public URL (`image_url`) or its
/// bytes (`image_base64`), a video by `POST /v5/media` → upload → `GET /v5/media/{id}` until `succeeded`, alt text,
/// pin analytics, and the OAuth refresh at `/v5/oauth/token`.
///
/// Pinterest has no idempotency key and accepts a repeated pin, so `publish` records a pending receipt (the board
/// and, for a video, the media id) before the create, and a publish resumed from it looks the board's pins up first.
public struct PinterestClient: NetworkClient {
    /// Always `.pinterest`.
    public let network = Network.pinterest
    let environment: ClientEnvironment
    /// Time between polls of an uploaded video's processing.
    public let pollInterval: Duration
    /// Polls before a video that is still processing is given up on for now (`.transient`; the retry resumes it).
    public let maxPolls: Int

    /// Creates a client.
    public init(environment: ClientEnvironment, pollInterval: Duration = .seconds(2), maxPolls: Int = 30) {
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPolls = maxPolls
    }

    private func base(_ credentials: AccountCredentials) -> URL {
        environment.endpoints.apiBase(.pinterest, credentials: credentials) ?? URL(string: "https://api.pinterest.com")!
    }

    private func caller(_ credentials: AccountCredentials) -> APICaller {
        APICaller(transport: environment.transport, secrets: credentials.secrets)
    }

    private func request(_ method: String, _ url: URL, _ credentials: AccountCredentials, json: Any? = nil) -> HTTPRequest {
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(method: method, url: url, headers: headers, body: json.map(JSON.encode))
    }

    private func send(
        _ request: HTTPRequest, _ credentials: AccountCredentials, mutates: Bool = false
    ) async throws(NetworkFailure) -> JSON {
        let now = environment.clock()
        let api = caller(credentials)
        let response = try await api.send(request, mutates: mutates) { PinterestResponseClassifier.classify($0, now: now) }
        return try api.json(response, mutated: mutates)
    }

    /// The pin's JSON body: board, title, description, destination link, alt text and media source.
    static func pinBody(_ post: OutgoingPost, board: String, source: [String: Any]) -> [String: Any] {
        var body: [String: Any] = ["board_id": board, "description": post.text, "media_source": source]
        if let title = post.title, !title.isEmpty { body["title"] = title }
        if let link = post.link, post.linkPlacement == .inline { body["link"] = link }
        if let alt = post.pinAltText ?? post.media.first?.altText, !alt.isEmpty { body["alt_text"] = alt }
        return body
    }

    /// Creates the pin (resuming a registered video from `pending`).
    public func publish(
        _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
    ) async -> PublishOutcome {
        guard let board = post.boardID ?? pending?.extra["board_id"] else {
            return .permanent("no Pinterest board for \(post.accountID) (boards in accounts.yaml)")
        }
        // Resumed after an attempt: only a look-up that finds nothing lets the create go out again.
        if pending != nil {
            switch await lookUp(post, pending: pending, credentials: credentials) {
            case .found(let existing): return .duplicate(existing)
            case .failed(let outcome): return outcome
            case .notFound: break
            }
        }
        guard let file = post.media.first else { return .invalidContent("a pin needs an image or a video") }
        do throws(NetworkFailure) {
            var attempt = PublishReceipt(remoteID: "", extra: ["board_id": board, "attempt": "pin"])
            let source: [String: Any]
            if file.isVideo {
                let mediaID = try await uploadedVideo(file, pending: pending, credentials: credentials) { mediaID in
                    attempt.extra["media_id"] = mediaID
                    try await onPending(attempt)
                }
                source = ["source_type": "video_id", "media_id": mediaID, "cover_image_key_frame_time": 0]
            } else {
                try await record(attempt, onPending)
                source = try await imageSource(file)
            }
            let url = FormEncoding.url(base(credentials), path: "/v5/pins")
            let pin: JSON
            do throws(NetworkFailure) {
                pin = try await send(
                    request("POST", url, credentials, json: Self.pinBody(post, board: board, source: source)), credentials,
                    mutates: true)
            } catch {
                // Pinterest has no idempotency key: after a passing failure of the create itself (a 5xx) the pin may
                // be out, so the next attempt looks it up before making another.
                guard case .transient(let reason) = error.outcome else { throw error }
                return .unknown("creating the pin failed: \(reason)")
            }
            guard let id = pin["id"].string else { return .unknown("Pinterest accepted the pin without an id") }
            return .published(PublishReceipt(remoteID: id, url: Self.pinURL(id), extra: ["board_id": board]))
        } catch { return error.outcome }
    }

    private func record(_ receipt: PublishReceipt, _ onPending: PendingRecorder) async throws(NetworkFailure) {
        do { try await onPending(receipt) } catch { throw NetworkFailure(.transient("could not record the pending pin")) }
    }

    /// `https://www.pinterest.com/pin/{id}/`.
    static func pinURL(_ id: String) -> String { "https://www.pinterest.com/pin/\(id)/" }

    private func imageSource(_ file: MediaFile) async throws(NetworkFailure) -> [String: Any] {
        if let url = file.publicURL?.absoluteString { return ["source_type": "image_url", "url": url] }
        let bytes = try await file.bytes()
        return ["source_type": "image_base64", "content_type": file.mimeType, "data": bytes.base64EncodedString()]
    }

    /// The media id of the video, processed: registered and uploaded now, or the pending one resumed.
    private func uploadedVideo(
        _ file: MediaFile, pending: PublishReceipt?, credentials: AccountCredentials,
        onRegistered: (String) async throws -> Void
    ) async throws(NetworkFailure) -> String {
        if let mediaID = pending?.extra["media_id"] {
            let status = try await mediaStatus(mediaID, credentials: credentials)
            if status != "failed" {
                try await waitUntilProcessed(mediaID, credentials: credentials)
                return mediaID
            }
        }
        let register = try await send(
            request("POST", FormEncoding.url(base(credentials), path: "/v5/media"), credentials, json: ["media_type": "video"]),
            credentials)
        guard let mediaID = register["media_id"].string, let uploadText = register["upload_url"].string,
            let uploadURL = URL(string: uploadText)
        else { throw NetworkFailure(.transient("Pinterest registered the video without an upload URL")) }
        do { try await onRegistered(mediaID) } catch {
            throw NetworkFailure(.transient("could not record the pending video upload"))
        }
        var form = MultipartBody()
        for (name, value) in register["upload_parameters"].object.sorted(by: { $0.key < $1.key }) {
            if let text = value.string { form.addField(name, text) }
        }
        form.addFile("file", fileName: file.fileName, mimeType: file.mimeType, bytes: try await file.bytes())
        // The upload URL is pre-signed: no bearer token goes there.
        let upload = HTTPRequest(
            method: "POST", url: uploadURL, headers: ["Content-Type": form.contentType], body: form.finished)
        let now = environment.clock()
        _ = try await caller(credentials).send(upload, mutates: false) { PinterestResponseClassifier.classify($0, now: now) }
        try await waitUntilProcessed(mediaID, credentials: credentials)
        return mediaID
    }

    private func mediaStatus(_ mediaID: String, credentials: AccountCredentials) async throws(NetworkFailure) -> String {
        let url = FormEncoding.url(base(credentials), path: "/v5/media/\(FormEncoding.escape(mediaID))")
        return try await send(request("GET", url, credentials), credentials)["status"].string ?? ""
    }

    /// Polls `GET /v5/media/{id}` until `succeeded`; `failed` is invalid content, a video still processing after
    /// ``maxPolls`` is transient (the retry resumes the same media id).
    private func waitUntilProcessed(_ mediaID: String, credentials: AccountCredentials) async throws(NetworkFailure) {
        for poll in 0..<maxPolls {
            switch try await mediaStatus(mediaID, credentials: credentials) {
            case "succeeded": return
            case "failed": throw NetworkFailure(.invalidContent("Pinterest could not process the video \(mediaID)"))
            default: if poll < maxPolls - 1 { try? await Task.sleep(for: pollInterval) }
            }
        }
        throw NetworkFailure(.transient("Pinterest is still processing the video \(mediaID)"))
    }

    /// The board's recent pins (`GET /v5/boards/{board_id}/pins`) by description.
    public func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
        guard let board = post.boardID ?? pending?.extra["board_id"] else { return .notFound }
        let url = FormEncoding.url(
            base(credentials), path: "/v5/boards/\(FormEncoding.escape(board))/pins", query: [("page_size", "100")])
        do {
            for pin in try await send(request("GET", url, credentials), credentials)["items"].array
            where PostTextMatcher.matches(post.text, pin["description"].string ?? "") {
                // No `createdAt`: shared/specs holds no Pinterest reference that documents a pin's creation time, so
                // the dispatcher dates the post by the look-up.
                guard let id = pin["id"].string else { continue }
                return .found(PublishReceipt(remoteID: id, url: Self.pinURL(id), extra: ["board_id": board]))
            }
            return .notFound
        } catch { return .failed(error.outcome) }
    }

    /// The metrics `GET /v5/pins/{id}/analytics` gives, lifetime of the last 90 days (Pinterest's window).
    public func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
        let now = environment.clock()
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        let url = FormEncoding.url(
            base(credentials), path: "/v5/pins/\(FormEncoding.escape(receipt.remoteID))/analytics",
            query: [
                ("start_date", day.string(from: now.addingTimeInterval(-89 * 86_400))), ("end_date", day.string(from: now)),
                ("metric_types", "IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK"),
            ])
        do {
            let metrics = try await send(request("GET", url, credentials), credentials)["all"]["lifetime_metrics"]
            guard metrics.exists else { return .failed(.permanent("Pinterest returned no metrics for \(receipt.remoteID)")) }
            return .fetched(EngagementMetrics(counters: metrics.integerMembers, fetchedAt: now))
        } catch { return .failed(error.outcome) }
    }

    /// `POST /v5/oauth/token` (`grant_type=refresh_token`), the app's id and secret in HTTP Basic.
    public func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
        guard let refreshToken = credentials.refreshToken else { return .reconnectRequired("no Pinterest refresh token") }
        let base = environment.endpoints.authBase(.pinterest, credentials: credentials) ?? base(credentials)
        let basic = Data("\(credentials.clientID ?? ""):\(credentials.clientSecret ?? "")".utf8).base64EncodedString()
        let form = FormEncoding.encode([("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
        let request = HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/v5/oauth/token"),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Authorization": "Basic \(basic)"],
            body: Data(form.utf8))
        return await OAuthTokenExchange.run(
            request, credentials: credentials, transport: environment.transport, now: environment.clock())
    }
}
