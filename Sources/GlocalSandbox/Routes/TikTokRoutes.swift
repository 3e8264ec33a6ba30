import Foundation
import Hummingbird

/// TikTok's Content Posting API (Direct Post) in the sandbox: `creator_info/query`, `video/init` with `FILE_UPLOAD`
/// (upload URL on the sandbox, chunks `PUT` in order with `Content-Range`, 206 then 201) or `PULL_FROM_URL`,
/// `status/fetch`, the Display API's `video/list` and `video/query`, and `oauth/token/`.
///
/// Accounts: a token `name~…` stands for the creator `name`. A creator whose name starts with `private-` offers
/// only `FOLLOWER_OF_CREATOR` and `SELF_ONLY`; one whose name starts with `unaudited-` posts through an unaudited
/// app, which TikTok restricts to `SELF_ONLY`. Each creator may post 15 times a day.
struct TikTokRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    static func privacyOptions(_ account: String) -> [String] {
        account.hasPrefix("private-")
            ? ["FOLLOWER_OF_CREATOR", "SELF_ONLY"] : ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"]
    }

    /// The longest video a creator may post: a creator named `short-…` has TikTok's 3 minutes, others 10.
    static func maxVideoSeconds(_ account: String) -> Int { account.hasPrefix("short-") ? 180 : 600 }

    private static func invalid(_ message: String, code: String = "invalid_params") -> Response {
        VideoDialect.tiktokError(400, code: code, message: message)
    }

    /// The refusal of a `source_info` whose chunks break TikTok's media transfer rules, else `nil`.
    static func chunkRefusal(size: Int, chunk: Int, count: Int) -> Response? {
        guard size > 0, chunk > 0, count >= 1, count <= 1_000 else {
            return invalid("video_size, chunk_size and total_chunk_count are required")
        }
        if size < 5_000_000 {
            return chunk == size && count == 1 ? nil : invalid("a video under 5 MB is uploaded whole, in one chunk")
        }
        guard (5_000_000...64_000_000).contains(chunk) else { return invalid("chunk_size must be 5 MB to 64 MB") }
        guard count == size / chunk else { return invalid("total_chunk_count must be video_size / chunk_size, rounded down") }
        guard size - (count - 1) * chunk <= 128_000_000 else { return invalid("the last chunk may be at most 128 MB") }
        return nil
    }

    /// Stores the post of a complete session.
    private func complete(_ session: inout SandboxVideoSession) async {
        let id = String(7_400_000_000_000_000_000 + (await state.next("tiktok")))
        session.postID = id
        session.status = "PUBLISH_COMPLETE"
        await state.store(
            SandboxPost(
                network: "tiktok", account: session.account, id: id, kind: "post", text: session.text, body: session.body,
                key: session.id, postedAt: await state.now()))
    }

    private func read(_ request: Request) async throws -> (SandboxCall, String) {
        let call = try await SandboxCall.read(request)
        return (call, call.tokenAccount ?? "")
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("tiktok/v2/post/publish/creator_info/query") { request, _ -> Response in
            let (call, account) = try await read(request)
            if let refusal = await gate.before(call, account: account) { return refusal }
            return VideoDialect.tiktokData([
                "creator_avatar_url": "https://p16.tiktokcdn.com/sandbox/\(account).jpeg", "creator_username": account,
                "creator_nickname": account, "privacy_level_options": Self.privacyOptions(account), "comment_disabled": false,
                "duet_disabled": false, "stitch_disabled": false,
                "max_video_post_duration_sec": Self.maxVideoSeconds(account),
            ])
        }
        router.post("tiktok/v2/post/publish/video/init") { request, _ -> Response in
            let (call, account) = try await read(request)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let info = call.json["post_info"] as? [String: Any] ?? [:]
            let source = call.json["source_info"] as? [String: Any] ?? [:]
            let title = info["title"] as? String ?? ""
            guard title.utf16.count <= 2_200 else { return Self.invalid("post_info.title is longer than 2200 characters") }
            let privacy = info["privacy_level"] as? String ?? ""
            guard Self.privacyOptions(account).contains(privacy) else {
                return Self.invalid("privacy_level is not one of the creator's options", code: "privacy_level_option_mismatch")
            }
            if account.hasPrefix("unaudited-"), privacy != "SELF_ONLY" {
                return VideoDialect.tiktokError(
                    403, code: "unaudited_client_can_only_post_to_private_accounts",
                    message: "Unaudited clients can only post to private accounts.")
            }
            guard await !state.spend(network: "tiktok/posts", account: account, cost: 1, limit: 15, window: 86_400).exceeded
            else {
                return VideoDialect.tiktokError(
                    403, code: "spam_risk_too_many_posts", message: "The daily post cap for this creator is reached.")
            }
            let publishID = "v_pub_file~v2-1.\(7_300_000_000_000_000_000 + (await state.next("tiktok/publish")))"
            var session = SandboxVideoSession(
                id: publishID, account: account, total: 0, body: call.bodyText, text: title, privacy: privacy,
                status: "PROCESSING_UPLOAD")
            var data: [String: Any] = ["publish_id": publishID]
            switch source["source"] as? String {
            case "FILE_UPLOAD":
                let size = source["video_size"] as? Int ?? 0
                let chunk = source["chunk_size"] as? Int ?? 0
                let count = source["total_chunk_count"] as? Int ?? 0
                if let refusal = Self.chunkRefusal(size: size, chunk: chunk, count: count) { return refusal }
                session.total = size
                session.chunkSize = chunk
                session.chunkCount = count
                let host = request.head.authority ?? "127.0.0.1"
                data["upload_url"] = "http://\(host)/tiktok/video/?upload_id=\(publishID)&upload_token=sandbox"
            case "PULL_FROM_URL":
                guard let url = source["video_url"] as? String, url.hasPrefix("https://") else {
                    return Self.invalid("source_info.video_url must be an https URL on a verified domain")
                }
                session.status = "PROCESSING_DOWNLOAD"
            default: return Self.invalid("source_info.source must be FILE_UPLOAD or PULL_FROM_URL")
            }
            await state.saveVideoSession(session)
            return VideoDialect.tiktokData(data)
        }
        router.put("tiktok/video") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            guard var session = await state.videoSession(call.query["upload_id"] ?? ""), session.chunkSize > 0 else {
                return SandboxReply.raw(404, Data(), contentType: nil)
            }
            if let refusal = await gate.before(call, account: session.account) { return refusal }
            guard let range = YouTubeRoutes.contentRange(call.headers["content-range"]), let first = range.first,
                let last = range.last, range.total == session.total, last - first + 1 == call.body.count
            else { return SandboxReply.raw(400, Data(), contentType: nil) }
            // Chunks come in order; a chunk already held is acknowledged again, one beyond what is held is refused.
            guard first <= session.received, first % session.chunkSize == 0, !session.isComplete else {
                return SandboxReply.raw(session.isComplete ? 201 : 416, Data(), contentType: nil)
            }
            let index = first / session.chunkSize
            let expectedLast = index == session.chunkCount - 1 ? session.total - 1 : first + session.chunkSize - 1
            guard last == expectedLast else { return SandboxReply.raw(416, Data(), contentType: nil) }
            session.received = max(session.received, last + 1)
            if session.received == session.total { await complete(&session) }
            await state.saveVideoSession(session)
            let answer = SandboxReply.raw(
                session.isComplete ? 201 : 206, Data(), contentType: nil,
                headers: [("Content-Range", "bytes \(first)-\(last)/\(session.total)")])
            return await gate.after(account: session.account, path: call.path, answer)
        }
        router.post("tiktok/v2/post/publish/status/fetch") { request, _ -> Response in
            let (call, account) = try await read(request)
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard var session = await state.videoSession(call.json["publish_id"] as? String ?? ""), session.account == account
            else { return Self.invalid("publish_id is not a post of this creator") }
            if session.status == "PROCESSING_DOWNLOAD" {
                await complete(&session)
                await state.saveVideoSession(session)
            }
            var data: [String: Any] = ["status": session.status, "uploaded_bytes": session.received]
            if session.isComplete {
                data["publicaly_available_post_id"] = session.privacy == "PUBLIC_TO_EVERYONE" ? [Int(session.postID!)!] : []
            }
            return VideoDialect.tiktokData(data)
        }
        router.post("tiktok/v2/video/list") { request, _ -> Response in
            let (call, account) = try await read(request)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let limit = min(20, call.json["max_count"] as? Int ?? 10)
            let videos = await state.posts(network: "tiktok", account: account).filter { $0.kind == "post" }.prefix(limit)
                .map { post -> [String: Any] in
                    [
                        "id": post.id, "title": post.text, "video_description": post.text,
                        "create_time": Int(post.postedAt.timeIntervalSince1970),
                        "share_url": "https://www.tiktok.com/@\(account)/video/\(post.id)",
                    ]
                }
            return VideoDialect.tiktokData(["videos": Array(videos), "cursor": 0, "has_more": false])
        }
        router.post("tiktok/v2/video/query") { request, _ -> Response in
            let (call, account) = try await read(request)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let ids = (call.json["filters"] as? [String: Any])?["video_ids"] as? [String] ?? []
            let now = await state.now()
            var videos: [[String: Any]] = []
            for id in ids {
                guard let post = await state.post(network: "tiktok", id: id), post.account == account else { continue }
                let counts = SandboxEngagement.counters(
                    postedAt: post.postedAt, now: now, audience: await state.audience(network: "tiktok", account: account))
                videos.append([
                    "id": id, "like_count": counts["likes"]!, "comment_count": counts["replies"]!,
                    "share_count": counts["shares"]!, "view_count": counts["views"]!,
                ])
            }
            return VideoDialect.tiktokData(["videos": videos])
        }
        router.post("tiktok/v2/oauth/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let form = call.form
            guard form["grant_type"] == "refresh_token", let refresh = form["refresh_token"], !refresh.isEmpty,
                !(form["client_key"] ?? "").isEmpty
            else {
                return SandboxReply.json(
                    400, ["error": "invalid_request", "error_description": "Missing required parameters.", "log_id": "sandbox"])
            }
            let account = String(refresh.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            let tokens = await gate.issueTokens(account: account)
            return SandboxReply.json(
                200,
                [
                    "access_token": tokens.access, "expires_in": 86_400, "open_id": "open-\(account)",
                    "refresh_expires_in": 31_536_000, "refresh_token": tokens.refresh, "scope": "video.publish,video.list",
                    "token_type": "Bearer",
                ])
        }
    }
}
