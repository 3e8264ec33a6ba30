import Foundation
import GlocalCore

/// One media file's way to X (xdk OpenAPI v2.159): an image in one `POST /2/media/upload` (`tweet_image`); a video
/// (`tweet_video`) or a GIF (`tweet_gif`) through `POST /2/media/upload/initialize`, `…/{id}/append` in segments
/// and `…/{id}/finalize`, then `GET /2/media/upload?command=STATUS` until X has processed it. Nothing is public yet,
/// so no call of it mutates: a retry uploads again.
struct XMediaUpload {
    /// The largest segment appended in one call (4 MiB).
    static let segmentSize = 4 << 20

    /// How a file goes up.
    enum Route: Equatable {
        /// One multipart `POST /2/media/upload` (`MediaCategoryOneShot`).
        case oneShot(category: String)
        /// initialize → append → finalize → status (`MediaCategory`, with the file's `media_type`).
        case chunked(category: String, mediaType: String)
    }

    /// What a finalize or status answer says about the media's processing.
    enum Processing: Equatable {
        /// No `processing_info`, or `succeeded`: the media may be attached.
        case ready
        /// `pending` or `in_progress`: ask again after that many seconds (`check_after_secs`, 1 when not given).
        case wait(seconds: Int)
        /// `failed`, with X's message when it gave one.
        case failed(String?)
    }

    let environment: ClientEnvironment
    let credentials: AccountCredentials
    let base: URL
    /// The length of one of X's `check_after_secs` seconds (one second; tests shorten it).
    let pollInterval: Duration
    /// Status checks before a media still processing is given up on for this attempt.
    let maxPolls: Int

    /// The route of `file`: GIFs and videos chunked, everything else a one-shot image.
    static func route(for file: MediaFile) -> Route {
        if file.fileExtension == "gif" { return .chunked(category: "tweet_gif", mediaType: "image/gif") }
        if file.isVideo { return .chunked(category: "tweet_video", mediaType: file.mimeType) }
        return .oneShot(category: "tweet_image")
    }

    /// The processing an answer (`MediaUploadResponse`) reports.
    static func processing(_ answer: JSON) -> Processing {
        let info = answer["data"]["processing_info"]
        guard info.exists else { return .ready }
        switch info["state"].string {
        case "succeeded": return .ready
        case "failed":
            let message =
                answer["errors"][0]["detail"].string ?? answer["errors"][0]["message"].string
                ?? info["error"]["message"].string
            return .failed(message)
        default: return .wait(seconds: max(info["check_after_secs"].int ?? 1, 1))
        }
    }

    /// Uploads `file` and answers its media id once X may attach it.
    func upload(_ file: MediaFile) async throws(NetworkFailure) -> String {
        let bytes = try await file.bytes()
        switch Self.route(for: file) {
        case .oneShot(let category):
            var form = MultipartBody()
            form.addField("media_category", category)
            form.addFile("media", fileName: file.fileName, mimeType: file.mimeType, bytes: bytes)
            return try mediaID(try await json(multipart("/2/media/upload", form)))
        case .chunked(let category, let mediaType):
            let config: [String: Any] = ["media_category": category, "media_type": mediaType, "total_bytes": bytes.count]
            let id = try mediaID(try await json(request("POST", "/2/media/upload/initialize", json: config)))
            var index = 0
            for start in stride(from: 0, to: bytes.count, by: Self.segmentSize) {
                var form = MultipartBody()
                form.addField("segment_index", String(index))
                let segment = bytes[start..<min(start + Self.segmentSize, bytes.count)]
                form.addFile("media", fileName: file.fileName, mimeType: "application/octet-stream", bytes: Data(segment))
                try await send(multipart("/2/media/upload/\(id)/append", form))
                index += 1
            }
            let finalized = try await json(request("POST", "/2/media/upload/\(id)/finalize"))
            try await waitUntilProcessed(id, file: file, after: Self.processing(finalized))
            return id
        }
    }

    /// Polls the status of `id` while X processes it, waiting as long as `check_after_secs` asks.
    private func waitUntilProcessed(_ id: String, file: MediaFile, after first: Processing) async throws(NetworkFailure) {
        var step = first
        var polls = 0
        while true {
            switch step {
            case .ready: return
            case .failed(let message):
                throw NetworkFailure(
                    .invalidContent("X could not process \(file.fileName)" + (message.map { ": \($0)" } ?? "")))
            case .wait(let seconds):
                guard polls < maxPolls else {
                    throw NetworkFailure(.transient("X is still processing \(file.fileName) (media \(id))"))
                }
                try? await Task.sleep(for: pollInterval * seconds)
                polls += 1
                let query = [("media_id", id), ("command", "STATUS")]
                step = Self.processing(try await json(request("GET", "/2/media/upload", query: query)))
            }
        }
    }

    private func request(_ method: String, _ path: String, query: [(String, String)] = [], json: Any? = nil) -> HTTPRequest {
        var headers = ["Authorization": "Bearer \(credentials.accessToken)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base, path: path, query: query), headers: headers,
            body: json.map(JSON.encode))
    }

    private func multipart(_ path: String, _ form: MultipartBody) -> HTTPRequest {
        var upload = request("POST", path)
        upload.headers["Content-Type"] = form.contentType
        upload.body = form.finished
        return upload
    }

    /// Sends an upload call (never a mutation); an append's answer is not read.
    @discardableResult
    private func send(_ request: HTTPRequest) async throws(NetworkFailure) -> HTTPResponse {
        let now = environment.clock()
        return try await APICaller(transport: environment.transport, secrets: credentials.secrets).send(
            request, mutates: false
        ) { XResponseClassifier.classify($0, now: now) }
    }

    /// Sends an upload call and reads its JSON answer.
    private func json(_ request: HTTPRequest) async throws(NetworkFailure) -> JSON {
        let response = try await send(request)
        return try APICaller(transport: environment.transport, secrets: credentials.secrets).json(response, mutated: false)
    }

    private func mediaID(_ answer: JSON) throws(NetworkFailure) -> String {
        guard let id = answer["data"]["id"].string else { throw NetworkFailure(.transient("X media upload gave no id")) }
        return id
    }
}
