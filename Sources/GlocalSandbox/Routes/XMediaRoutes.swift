import Foundation
import Hummingbird

/// X's chunked media upload in the sandbox, as `xdk-latest-openapi.json` (v2.159, the version glocal speaks) gives it:
/// `POST /2/media/upload/initialize` (`MediaUploadConfigRequest`), `…/{id}/append` (`MediaUploadAppendRequest`,
/// multipart or JSON), `…/{id}/finalize` and the status check `GET /2/media/upload?media_id=…&command=STATUS`. A
/// video or GIF finalizes `pending`; each status check moves it one step, `in_progress` then `succeeded` (counted
/// calls, no clock); the faults `stuck_upload` and `fail_upload` hold a check at `in_progress` or make it `failed`.
struct XMediaRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// `MediaCategory` `enum` (initialize).
    static let categories: Set<String> = [
        "amplify_video", "tweet_gif", "tweet_image", "tweet_video", "dm_gif", "dm_image", "dm_video", "subtitles",
    ]
    /// `MediaCategoryOneShot` `enum` (the one-shot `POST /2/media/upload`).
    static let oneShotCategories: Set<String> = ["tweet_image", "dm_image", "subtitles"]
    /// `MediaUploadConfigRequest.media_type` `enum`.
    static let mediaTypes: Set<String> = [
        "video/mp4", "video/webm", "video/mp2t", "video/quicktime", "text/srt", "text/vtt", "image/jpeg", "image/gif",
        "image/bmp", "image/png", "image/webp", "image/pjpeg", "image/tiff", "model/gltf-binary", "model/vnd.usdz+zip",
    ]
    /// `MediaUploadRequestOneShot.media_type` `enum`.
    static let oneShotMediaTypes: Set<String> = [
        "text/srt", "text/vtt", "image/jpeg", "image/bmp", "image/png", "image/webp", "image/pjpeg", "image/tiff",
    ]
    /// `MediaUploadConfigRequest` properties (`additionalProperties: false`).
    static let configProperties: Set<String> = ["additional_owners", "media_category", "media_type", "shared", "total_bytes"]
    /// `MediaUploadRequestOneShot` properties (`additionalProperties: false`).
    static let oneShotProperties: Set<String> = ["additional_owners", "media", "media_category", "media_type", "shared"]
    /// `MediaUploadConfigRequest.total_bytes` `maximum`.
    static let maxTotalBytes = 17_179_869_184
    /// `MediaSegments` `maximum`.
    static let maxSegmentIndex = 999
    /// The `check_after_secs` the sandbox answers while processing.
    static let checkAfterSecs = 1
    /// How long an upload session lives (`expires_after_secs`).
    static let lifetime = 86_400

    /// Why a one-shot upload's fields break `MediaUploadRequestOneShot` (besides `media`), as X's 400, or `nil`.
    static func oneShotRefusal(fields: [String], category: String?, mediaType: String?) -> Response? {
        if let extra = fields.first(where: { !oneShotProperties.contains($0) }) {
            return XRoutes.invalidRequest(
                parameter: extra, value: "", message: "[\(extra)] is not a parameter of a one-shot media upload")
        }
        guard let category, oneShotCategories.contains(category) else {
            return XRoutes.invalidRequest(
                parameter: "media_category", value: category ?? "",
                message:
                    "media_category must be one of \(oneShotCategories.sorted().joined(separator: ", ")) in a one-shot "
                    + "upload; videos and GIFs go through /2/media/upload/initialize")
        }
        if let mediaType, !oneShotMediaTypes.contains(mediaType) {
            return XRoutes.invalidRequest(
                parameter: "media_type", value: mediaType,
                message: "media_type must be one of \(oneShotMediaTypes.sorted().joined(separator: ", "))")
        }
        return nil
    }

    /// Why an initialize body breaks `MediaUploadConfigRequest`, as X's 400, or `nil`.
    static func configRefusal(_ body: Any?) -> Response? {
        guard let json = body as? [String: Any] else {
            return XRoutes.invalidRequest(parameter: "body", value: "", message: "The request body must be a JSON object")
        }
        if let extra = json.keys.sorted().first(where: { !configProperties.contains($0) }) {
            return XRoutes.invalidRequest(
                parameter: extra, value: "", message: "[\(extra)] is not a parameter of a media upload initialization")
        }
        if let category = json["media_category"], !((category as? String).map(categories.contains) ?? false) {
            return XRoutes.invalidRequest(
                parameter: "media_category", value: "\(category)",
                message: "media_category must be one of \(categories.sorted().joined(separator: ", "))")
        }
        if let type = json["media_type"], !((type as? String).map(mediaTypes.contains) ?? false) {
            return XRoutes.invalidRequest(
                parameter: "media_type", value: "\(type)",
                message: "media_type must be one of \(mediaTypes.sorted().joined(separator: ", "))")
        }
        if let total = json["total_bytes"], integer(total).map({ !(0...maxTotalBytes).contains($0) }) ?? true {
            return XRoutes.invalidRequest(
                parameter: "total_bytes", value: "\(total)",
                message: "total_bytes must be an integer between 0 and \(maxTotalBytes)")
        }
        if let shared = json["shared"], !isBoolean(shared) {
            return XRoutes.invalidRequest(parameter: "shared", value: "\(shared)", message: "shared must be a boolean")
        }
        if let owners = json["additional_owners"],
            !((owners as? [Any])?.allSatisfy { ($0 as? String).map { SandboxIdentity.isNumeric($0) } ?? false } ?? false)
        {
            return XRoutes.invalidRequest(
                parameter: "additional_owners", value: "\(owners)", message: "additional_owners must be a list of user ids")
        }
        return nil
    }

    /// Whether a parsed JSON value is `true` or `false` (Foundation parses both as `NSNumber`, and a number `is Bool`).
    private static func isBoolean(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    /// A JSON integer (not a boolean, not a fraction).
    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, !isBoolean(value), !(value is String) else { return nil }
        return number.doubleValue == number.doubleValue.rounded() ? number.intValue : nil
    }

    /// A `MediaSegments` value: an integer 0…999, or a string of one to three digits.
    static func segmentIndex(_ value: Any?) -> Int? {
        if let text = value as? String {
            guard (1...3).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(text)
        }
        guard let value, let index = integer(value), (0...maxSegmentIndex).contains(index) else { return nil }
        return index
    }

    /// `MediaUploadResponse.data` for an upload.
    static func data(_ upload: SandboxXMediaUpload) -> [String: Any] {
        var data: [String: Any] = [
            "id": upload.id, "media_key": "\(SandboxXMediaUpload.keyPrefix(upload.category))_\(upload.id)",
            "expires_after_secs": lifetime,
        ]
        if upload.finalized { data["size"] = upload.appendedBytes }
        if let state = upload.state {
            var info: [String: Any] = ["state": state, "progress_percent": SandboxXMediaUpload.progress(of: state)]
            if state == "pending" || state == "in_progress" { info["check_after_secs"] = checkAfterSecs }
            data["processing_info"] = info
        }
        return data
    }

    /// The `MediaUploadResponse` of an upload: its data, and a Problem in `errors` once its processing failed.
    static func answer(_ upload: SandboxXMediaUpload) -> Response {
        var body: [String: Any] = ["data": data(upload)]
        if upload.state == "failed" {
            body["errors"] = [
                ["title": "Media processing failed", "detail": "The media could not be processed.", "type": "about:blank"]
            ]
        }
        return SandboxReply.json(200, body)
    }

    /// X's 400 for a media id that is not an open upload of this user.
    static func unknown(_ id: String, parameter: String = "id") -> Response {
        XRoutes.invalidRequest(parameter: parameter, value: id, message: "The media id \(id) is not an upload of this user")
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("x/2/media/upload/initialize") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = XRoutes.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let body = try? JSONSerialization.jsonObject(with: call.body)
            if let refusal = Self.configRefusal(body) { return refusal }
            let json = body as? [String: Any] ?? [:]
            let id = String(1_700_000_000_000_000_000 + (await state.next("x/media")))
            let upload = SandboxXMediaUpload(
                id: id, account: account, category: json["media_category"] as? String,
                mediaType: json["media_type"] as? String, totalBytes: (json["total_bytes"] as? NSNumber)?.intValue)
            await state.saveXMediaUpload(upload)
            return SandboxReply.json(200, ["data": Self.data(upload)])
        }
        router.post("x/2/media/upload/:id/append") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = XRoutes.userID(call)
            let id = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard var upload = await state.xMediaUpload(id), upload.account == account, !upload.finalized else {
                return Self.unknown(id)
            }
            let json = call.json
            let bytes =
                call.isMultipart
                ? call.multipartFile(named: "media")?.bytes : (json["media"] as? String).flatMap { Data(base64Encoded: $0) }
            guard let bytes else { return XRoutes.invalidRequest(parameter: "media", value: "", message: "media is required") }
            let rawIndex: Any? = call.isMultipart ? call.field("segment_index") : json["segment_index"]
            guard let index = Self.segmentIndex(rawIndex) else {
                return XRoutes.invalidRequest(
                    parameter: "segment_index", value: rawIndex.map { "\($0)" } ?? "",
                    message: "segment_index is required, an integer between 0 and \(Self.maxSegmentIndex)")
            }
            upload.segments[index] = bytes.count
            await state.saveXMediaUpload(upload)
            let expires = Int((await state.now()).timeIntervalSince1970) + Self.lifetime
            return SandboxReply.json(200, ["data": ["expires_at": expires]])
        }
        router.post("x/2/media/upload/:id/finalize") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = XRoutes.userID(call)
            let id = context.parameters.get("id") ?? ""
            if let refusal = await gate.before(call, account: account) { return refusal }
            guard var upload = await state.xMediaUpload(id), upload.account == account else { return Self.unknown(id) }
            if upload.finalized { return Self.answer(upload) }
            let indexes = upload.segments.keys.sorted()
            guard !indexes.isEmpty, indexes == Array(0..<indexes.count) else {
                return XRoutes.invalidRequest(
                    parameter: "id", value: id,
                    message: "Segments must be appended from segment_index 0 without a gap; got \(indexes)")
            }
            if let total = upload.totalBytes, total != upload.appendedBytes {
                return XRoutes.invalidRequest(
                    parameter: "total_bytes", value: String(total),
                    message: "\(upload.appendedBytes) bytes were appended, total_bytes declared \(total)")
            }
            upload.finalized = true
            if let category = upload.category, SandboxXMediaUpload.processedCategories.contains(category) {
                upload.state = "pending"
            }
            await state.saveXMediaUpload(upload)
            let segments = indexes.map { "\($0):\(upload.segments[$0] ?? 0)" }.joined(separator: " ")
            await state.store(
                SandboxPost(
                    network: "x", account: account, id: id, kind: "media", text: "",
                    body:
                        "\(upload.appendedBytes) bytes \(upload.category ?? "") \(upload.mediaType ?? ""), segments \(segments)",
                    postedAt: await state.now()))
            return Self.answer(upload)
        }
        router.get("x/2/media/upload") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            let account = XRoutes.userID(call)
            if let refusal = await gate.before(call, account: account) { return refusal }
            let id = call.query["media_id"] ?? ""
            guard SandboxIdentity.isNumeric(id) else {
                return XRoutes.invalidRequest(
                    parameter: "media_id", value: id,
                    message: "The `media_id` query parameter value [\(id)] does not match ^[0-9]{1,19}$")
            }
            if let command = call.query["command"], command != "STATUS" {
                return XRoutes.invalidRequest(parameter: "command", value: command, message: "command must be STATUS")
            }
            guard var upload = await state.xMediaUpload(id), upload.account == account else {
                // A one-shot upload has no processing to report.
                guard let media = await state.post(network: "x", id: id), media.kind == "media", media.account == account
                else { return Self.unknown(id, parameter: "media_id") }
                return SandboxReply.json(200, ["data": ["id": id, "media_key": "3_\(id)", "expires_after_secs": Self.lifetime]])
            }
            guard upload.finalized else {
                return XRoutes.invalidRequest(
                    parameter: "media_id", value: id, message: "The media \(id) has not been finalized")
            }
            if let current = upload.state, current == "pending" || current == "in_progress" {
                let fault = await state.takeFault(
                    network: "x", account: account, path: call.path, afterStore: false, statusPoll: true)
                switch fault?.kind {
                case .failUpload: upload.state = "failed"
                case .stuckUpload: upload.state = "in_progress"
                default: upload.state = SandboxXMediaUpload.next(after: current)
                }
                await state.saveXMediaUpload(upload)
            }
            return Self.answer(upload)
        }
    }
}
