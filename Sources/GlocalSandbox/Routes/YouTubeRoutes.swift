import Foundation
import GlocalCore
import Hummingbird

/// YouTube Data API v3 in the sandbox: `videos.insert` by the resumable upload protocol (session URI in `Location`,
/// chunked `PUT`s answered `308` with `Range`, status queries with `Content-Range: bytes */N`), `thumbnails.set`,
/// `videos.list?part=statistics`, `search?forMine=true`, Google's token endpoint. Each account's project has YouTube's daily buckets
/// (``YouTubeQuota``): 100 upload sessions, 100 searches and 10 000 units for the rest (`quotaExceeded` 403 beyond).
struct YouTubeRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    static let uploadPath = "youtube/upload/youtube/v3/videos"

    /// Spends the charge of `method` from the account's bucket; `false` when the bucket is empty.
    private func spend(_ account: String, _ method: String) async -> Bool {
        let charge = YouTubeQuotaCharge.of(method) ?? YouTubeQuotaCharge(.units, 1)
        let limit = YouTubeQuota.standard.limit(of: charge.bucket)
        return await !state.spend(
            network: charge.bucket.window, account: account, cost: charge.cost, limit: limit, window: 86_400
        )
        .exceeded
    }

    private static func invalid(_ reason: String, _ message: String) -> Response {
        VideoDialect.googleError(400, reason: reason, domain: "youtube.video", message: message, statusName: "INVALID_ARGUMENT")
    }

    /// The refusal of a `video` resource YouTube would not take, else `nil`.
    static func refusal(of resource: [String: Any]) -> Response? {
        let snippet = resource["snippet"] as? [String: Any] ?? [:]
        let title = snippet["title"] as? String ?? ""
        if title.isEmpty || title.count > 100 || title.contains(where: { $0 == "<" || $0 == ">" }) {
            return invalid("invalidTitle", "The request metadata specifies an invalid or empty video title.")
        }
        let description = snippet["description"] as? String ?? ""
        if description.utf8.count > 5_000 || description.contains(where: { $0 == "<" || $0 == ">" }) {
            return invalid("invalidDescription", "The request metadata specifies an invalid video description.")
        }
        let tags = snippet["tags"] as? [String] ?? []
        let tagLength = tags.reduce(0) { $0 + $1.count + ($1.contains(" ") ? 2 : 0) } + max(0, tags.count - 1)
        if tagLength > 500 || tags.contains(where: { $0.contains("<") || $0.contains(">") }) {
            return invalid("invalidTags", "The request metadata specifies invalid video keywords.")
        }
        if let category = snippet["categoryId"] as? String, category.isEmpty || !category.allSatisfy(\.isNumber) {
            return invalid("invalidCategoryId", "The snippet.categoryId property specifies an invalid category ID.")
        }
        let privacy = (resource["status"] as? [String: Any])?["privacyStatus"] as? String ?? "public"
        if !["public", "unlisted", "private"].contains(privacy) {
            return invalid("invalidVideoMetadata", "The request metadata is invalid.")
        }
        return nil
    }

    private func resource(_ session: SandboxVideoSession) -> [String: Any] {
        let metadata = (try? JSONSerialization.jsonObject(with: Data(session.body.utf8))) as? [String: Any] ?? [:]
        var snippet = metadata["snippet"] as? [String: Any] ?? [:]
        snippet["channelId"] = "UC" + session.account
        var status = metadata["status"] as? [String: Any] ?? [:]
        status["uploadStatus"] = "uploaded"
        return ["kind": "youtube#video", "id": session.postID ?? "", "snippet": snippet, "status": status]
    }

    /// `308 Resume Incomplete` with the bytes held (no `Range` when none).
    private static func incomplete(_ session: SandboxVideoSession) -> Response {
        let headers = session.received > 0 ? [("Range", "bytes=0-\(session.received - 1)")] : []
        return SandboxReply.raw(308, Data(), contentType: nil, headers: headers + [("Content-Length", "0")])
    }

    /// `bytes a-b/N` as (a, b, N), or `bytes */N` as (nil, nil, N).
    static func contentRange(_ value: String?) -> (first: Int?, last: Int?, total: Int)? {
        guard let value, value.hasPrefix("bytes ") else { return nil }
        let parts = value.dropFirst(6).split(separator: "/")
        guard parts.count == 2, let total = Int(parts[1]) else { return nil }
        if parts[0] == "*" { return (nil, nil, total) }
        let bounds = parts[0].split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
        return (bounds[0], bounds[1], total)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(stringLiteral: Self.uploadPath)) { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard call.query["uploadType"] == "resumable" else {
                return Self.invalid("invalidUploadType", "Only uploadType=resumable is served here.")
            }
            guard let size = Int(call.headers["x-upload-content-length"] ?? ""), size > 0 else {
                return Self.invalid("mediaBodyRequired", "The request does not include the video content.")
            }
            let type = call.headers["x-upload-content-type"] ?? ""
            guard type.hasPrefix("video/") || type == "application/octet-stream" else {
                return Self.invalid("invalidVideoMetadata", "X-Upload-Content-Type must be video/* or application/octet-stream.")
            }
            let resource = call.json
            if let refusal = Self.refusal(of: resource) { return refusal }
            guard await spend(account, "videos.insert") else { return VideoDialect.youtubeQuotaExceeded() }
            let id = "sandbox-upload-\(await state.next("youtube/upload"))"
            let snippet = resource["snippet"] as? [String: Any] ?? [:]
            await state.saveVideoSession(
                SandboxVideoSession(
                    id: id, account: account, total: size, body: call.bodyText, text: snippet["description"] as? String ?? "",
                    privacy: (resource["status"] as? [String: Any])?["privacyStatus"] as? String ?? "public",
                    status: "uploading"))
            let host = request.head.authority ?? "127.0.0.1"
            return SandboxReply.raw(
                200, Data(), contentType: nil,
                headers: [("Location", "http://\(host)/\(Self.uploadPath)?uploadType=resumable&upload_id=\(id)")])
        }
        router.put(RouterPath(stringLiteral: Self.uploadPath)) { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let notFound = VideoDialect.googleError(
                404, reason: "notFound", message: "Upload session not found.", statusName: "NOT_FOUND")
            guard var session = await state.videoSession(call.query["upload_id"] ?? "") else { return notFound }
            if await state.takeFault(
                network: "youtube", account: session.account, path: call.path, afterStore: false, uploadSession: true) != nil
            {
                await state.forgetVideoSession(session.id)
                return notFound
            }
            if let refusal = await gate.before(call, account: session.account) { return refusal }
            guard let range = Self.contentRange(call.headers["content-range"]), range.total == session.total else {
                return Self.invalid("badContent", "Content-Range is missing or does not match the session's size.")
            }
            guard let first = range.first, let last = range.last else {
                // A status query.
                return session.isComplete ? SandboxReply.json(200, resource(session)) : Self.incomplete(session)
            }
            guard !session.isComplete else { return SandboxReply.json(200, resource(session)) }
            guard first == session.received, last - first + 1 == call.body.count, last < session.total else {
                return Self.incomplete(session)
            }
            if last + 1 < session.total, call.body.count % 262_144 != 0 {
                return Self.invalid("badContent", "Every chunk but the last must be a multiple of 256 KiB.")
            }
            session.received = last + 1
            if session.received == session.total {
                let id = "sandbox" + String(format: "%04d", await state.next("youtube"))
                session.postID = id
                await state.store(
                    SandboxPost(
                        network: "youtube", account: session.account, id: id, kind: "post", text: session.text,
                        body: session.body, key: session.id, postedAt: await state.now()))
            }
            await state.saveVideoSession(session)
            let answer = session.isComplete ? SandboxReply.json(200, resource(session)) : Self.incomplete(session)
            return await gate.after(account: session.account, path: call.path, answer)
        }
        router.post("youtube/upload/youtube/v3/thumbnails/set") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let videoID = call.query["videoId"] ?? ""
            guard await state.post(network: "youtube", id: videoID)?.account == account else {
                return VideoDialect.googleError(
                    404, reason: "videoNotFound", domain: "youtube.thumbnail", message: "The video cannot be found.",
                    statusName: "NOT_FOUND")
            }
            let type = call.headers["content-type"] ?? ""
            // YouTube takes JPEG or PNG content, whatever the header claims.
            let isImage = call.body.starts(with: [0xFF, 0xD8, 0xFF]) || call.body.starts(with: [0x89, 0x50, 0x4E, 0x47])
            guard ["image/jpeg", "image/png", "application/octet-stream"].contains(type), isImage else {
                return Self.invalid("invalidImage", "The provided image content is invalid.")
            }
            guard call.body.count <= 2_097_152 else {
                return VideoDialect.googleError(
                    413, reason: "mediaBodyTooLarge", message: "The thumbnail is larger than 2 MB.",
                    statusName: "INVALID_ARGUMENT")
            }
            guard await spend(account, "thumbnails.set") else { return VideoDialect.youtubeQuotaExceeded() }
            await state.store(
                SandboxPost(
                    network: "youtube", account: account, id: "thumbnail-\(videoID)", kind: "media", text: "",
                    body: "\(call.body.count) bytes \(type)", parentID: videoID, postedAt: await state.now()))
            let url = "https://i.ytimg.com/vi/\(videoID)/default.jpg"
            return SandboxReply.json(
                200,
                ["kind": "youtube#thumbnailSetResponse", "items": [["default": ["url": url, "width": 120, "height": 90]]]])
        }
        router.get("youtube/youtube/v3/videos") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard await spend(account, "videos.list") else { return VideoDialect.youtubeQuotaExceeded() }
            let now = await state.now()
            var items: [[String: Any]] = []
            for id in (call.query["id"] ?? "").split(separator: ",").map(String.init) {
                guard let post = await state.post(network: "youtube", id: id), post.kind == "post" else { continue }
                let counts = SandboxEngagement.counters(
                    postedAt: post.postedAt, now: now, audience: await state.audience(network: "youtube", account: post.account))
                let statistics = [
                    "viewCount": String(counts["views"]!), "likeCount": String(counts["likes"]!), "favoriteCount": "0",
                    "commentCount": String(counts["replies"]!),
                ]
                items.append(["kind": "youtube#video", "id": id, "statistics": statistics])
            }
            return SandboxReply.json(
                200,
                [
                    "kind": "youtube#videoListResponse", "items": items,
                    "pageInfo": ["totalResults": items.count, "resultsPerPage": items.count],
                ])
        }
        router.get("youtube/youtube/v3/search") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard call.query["forMine"] == "true", call.query["type"] == "video" else {
                return Self.invalid("invalidSearchFilter", "forMine requires type=video.")
            }
            guard await spend(account, "search.list") else { return VideoDialect.youtubeQuotaExceeded() }
            var items: [[String: Any]] = []
            let limit = Int(call.query["maxResults"] ?? "5") ?? 5
            var videos = await state.posts(network: "youtube", account: account).filter { $0.kind == "post" }
            if call.query["order"] == "date" { videos.reverse() }
            for post in videos.prefix(limit) {
                let metadata = (try? JSONSerialization.jsonObject(with: Data(post.body.utf8))) as? [String: Any] ?? [:]
                let snippet = metadata["snippet"] as? [String: Any] ?? [:]
                items.append([
                    "kind": "youtube#searchResult", "id": ["kind": "youtube#video", "videoId": post.id],
                    "snippet": [
                        "title": snippet["title"] as? String ?? "", "description": post.text, "channelId": "UC" + account,
                        "publishedAt": SandboxDialect.iso(post.postedAt),
                    ],
                ])
            }
            var page: [String: Any] = ["kind": "youtube#searchListResponse", "items": items]
            if videos.count > limit { page["nextPageToken"] = "sandbox-page-2" }
            return SandboxReply.json(200, page)
        }
        router.post("youtube/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let form = call.form
            guard form["grant_type"] == "refresh_token", let refresh = form["refresh_token"], !refresh.isEmpty else {
                return SandboxReply.json(400, ["error": "unsupported_grant_type", "error_description": "Invalid grant_type"])
            }
            let account = String(refresh.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            let tokens = await gate.issueTokens(account: account)
            return SandboxReply.json(
                200,
                [
                    "access_token": tokens.access, "expires_in": 3599, "token_type": "Bearer",
                    "scope": "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly",
                ])
        }
    }
}
