import Foundation
import Hummingbird

/// Pinterest API v5 in the sandbox: pins on a board (`POST /v5/pins`, image by URL or base64, video by media id),
/// a board's pins, video media registration → pre-signed upload → status (`stuck_upload` keeps it `processing`,
/// `fail_upload` makes it `failed`), pin analytics, and the OAuth refresh. A token `alice~…` is the user `alice`;
/// any board id (digits) is theirs.
struct PinterestRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// Pinterest's documented field limits (docs/networks.md).
    static let limits: [(field: String, max: Int)] = [("title", 100), ("description", 800), ("link", 2048), ("alt_text", 500)]

    static func isDigits(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }

    /// The pin as Pinterest answers it.
    static func pin(_ post: SandboxPost) -> [String: Any] {
        let body = (try? JSONSerialization.jsonObject(with: Data(post.body.utf8))) as? [String: Any] ?? [:]
        let source = body["media_source"] as? [String: Any] ?? [:]
        var pin: [String: Any] = [
            "id": post.id, "created_at": SandboxDialect.iso(post.postedAt), "board_id": body["board_id"] ?? "",
            "description": post.text, "board_owner": ["username": post.account],
            "media": ["media_type": (source["source_type"] as? String) == "video_id" ? "video" : "image"],
        ]
        for key in ["title", "link", "alt_text"] { pin[key] = body[key] ?? NSNull() }
        return pin
    }

    /// What is wrong with a pin's body, in Pinterest's words; `nil` if nothing.
    func problem(_ json: [String: Any], account: String) async -> String? {
        guard let board = json["board_id"] as? String, Self.isDigits(board) else { return "board_id is required." }
        for (field, max) in Self.limits {
            if let value = json[field] as? String, value.count > max { return "\(field) is longer than \(max) characters." }
        }
        guard let source = json["media_source"] as? [String: Any] else { return "media_source is required." }
        switch source["source_type"] as? String {
        case "image_url":
            guard let url = source["url"] as? String, url.hasPrefix("https://") || url.hasPrefix("http://") else {
                return "media_source.url must be an http(s) URL."
            }
        case "image_base64":
            guard let data = source["data"] as? String, Data(base64Encoded: data) != nil,
                (source["content_type"] as? String)?.hasPrefix("image/") == true
            else { return "media_source.data must be base64 with an image content_type." }
        case "video_id":
            guard let id = source["media_id"] as? String, let media = await state.post(network: "pinterest", id: id),
                media.kind == "media", media.account == account
            else { return "media_source.media_id is not a media upload of this user." }
            guard await uploaded(id) else { return "the video \(id) has not been uploaded." }
            guard source["cover_image_url"] != nil || source["cover_image_key_frame_time"] != nil else {
                return "a video pin needs cover_image_url or cover_image_key_frame_time."
            }
        default: return "media_source.source_type must be image_url, image_base64 or video_id."
        }
        return nil
    }

    private func uploaded(_ mediaID: String) async -> Bool {
        await state.storedPosts(network: "pinterest").contains { $0.kind == "upload" && $0.parentID == mediaID }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("pinterest/v5/pins") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let json = call.json
            if let problem = await problem(json, account: account) { return PinterestAnswers.invalid(problem) }
            let id = String(1_022_106_146_000_000_000 + (await state.next("pinterest")))
            let post = SandboxPost(
                network: "pinterest", account: account, id: id, kind: "post", text: json["description"] as? String ?? "",
                body: call.bodyText, postedAt: await state.now())
            await state.store(post)
            if let alt = json["alt_text"] as? String { await state.describe(network: "pinterest", id: id, altText: alt) }
            return await gate.after(account: account, SandboxReply.json(201, Self.pin(post)))
        }
        router.get("pinterest/v5/boards/:board_id/pins") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let board = context.parameters.get("board_id") ?? ""
            guard Self.isDigits(board) else { return PinterestAnswers.notFound("Board") }
            let size = min(250, Int(call.query["page_size"] ?? "25") ?? 25)
            let pins = await state.posts(network: "pinterest", account: account).filter {
                $0.kind == "post" && (Self.pin($0)["board_id"] as? String) == board
            }
            return SandboxReply.json(200, ["items": pins.prefix(size).map(Self.pin), "bookmark": NSNull()])
        }
        router.post("pinterest/v5/media") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard call.json["media_type"] as? String == "video" else {
                return PinterestAnswers.invalid("media_type must be video.")
            }
            let id = String(5_258_848_560_742_447_000 + (await state.next("pinterest/media")))
            await state.store(
                SandboxPost(
                    network: "pinterest", account: account, id: id, kind: "media", text: "", body: call.bodyText,
                    postedAt: await state.now()))
            let host = request.head.authority ?? call.headers["host"] ?? "127.0.0.1"
            return SandboxReply.json(
                201,
                [
                    "media_id": id, "media_type": "video", "upload_url": "http://\(host)/pinterest/media-upload",
                    "upload_parameters": [
                        "key": "uploads/\(id)", "policy": "sandbox-policy", "x-amz-algorithm": "AWS4-HMAC-SHA256",
                        "x-amz-credential": "sandbox", "x-amz-date": "20261201T090000Z", "x-amz-signature": "sig-\(id)",
                        "Content-Type": "multipart/form-data",
                    ],
                ])
        }
        // The pre-signed upload (S3 in production): the fields Pinterest handed out, then the file; 204 when accepted.
        router.post("pinterest/media-upload") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let key = call.field("key") ?? ""
            let id = key.hasPrefix("uploads/") ? String(key.dropFirst(8)) : ""
            guard let media = await state.post(network: "pinterest", id: id), media.kind == "media",
                call.field("x-amz-signature") == "sig-\(id)", let file = call.multipartFile(named: "file"), !file.bytes.isEmpty
            else {
                return SandboxReply.raw(
                    403, Data("<Error><Code>AccessDenied</Code><Message>Invalid upload</Message></Error>".utf8),
                    contentType: "application/xml")
            }
            await state.store(
                SandboxPost(
                    network: "pinterest", account: media.account, id: "upload-\(id)", kind: "upload", text: "",
                    body: "\(file.bytes.count) bytes", parentID: id, postedAt: await state.now()))
            return SandboxReply.raw(204, Data(), contentType: nil)
        }
        router.get("pinterest/v5/media/:media_id") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = context.parameters.get("media_id") ?? ""
            guard let media = await state.post(network: "pinterest", id: id), media.kind == "media", media.account == account
            else { return PinterestAnswers.notFound("Media") }
            var status = await uploaded(id) ? "succeeded" : "registered"
            if status == "succeeded",
                let fault = await state.takeFault(
                    network: "pinterest", account: account, path: call.path, afterStore: false, statusPoll: true)
            {
                status = fault.kind == .failUpload ? "failed" : "processing"
            }
            return SandboxReply.json(200, ["media_id": id, "media_type": "video", "status": status])
        }
        router.get("pinterest/v5/pins/:pin_id/analytics") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = call.tokenAccount ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard let post = await state.post(network: "pinterest", id: context.parameters.get("pin_id") ?? ""),
                post.kind == "post", post.account == account
            else { return PinterestAnswers.notFound("Pin") }
            guard call.query["start_date"] != nil, call.query["end_date"] != nil, call.query["metric_types"] != nil else {
                return PinterestAnswers.invalid("start_date, end_date and metric_types are required.")
            }
            let counts = SandboxEngagement.counters(
                postedAt: post.postedAt, now: await state.now(),
                audience: await state.audience(network: "pinterest", account: account))
            let metrics = [
                "IMPRESSION": counts["views"]!, "SAVE": counts["saves"]!, "PIN_CLICK": counts["clicks"]!,
                "OUTBOUND_CLICK": counts["clicks"]! / 2,
            ]
            return SandboxReply.json(200, ["all": ["lifetime_metrics": metrics, "daily_metrics": []]])
        }
        router.post("pinterest/v5/oauth/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let token = call.form["refresh_token"] ?? ""
            let name = String(token.split(separator: "~").first ?? "")
            if let refusal = await gate.before(call, account: name, refresh: true) { return refusal }
            guard call.headers["authorization"]?.hasPrefix("Basic ") == true else {
                return PinterestAnswers.error(401, code: 2, message: "Authentication failed: client credentials are required.")
            }
            guard call.form["grant_type"] == "refresh_token", !token.isEmpty else { return gate.dialect.refreshRefused() }
            let pair = await gate.issueTokens(account: name)
            // Pinterest answers a refresh with a new access token only: the refresh token stays the same.
            return SandboxReply.json(
                200,
                [
                    "access_token": pair.access, "token_type": "bearer", "expires_in": 2_592_000,
                    "response_type": "refresh_token", "scope": "boards:read,pins:read,pins:write",
                ])
        }
    }
}
