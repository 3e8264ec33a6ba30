import Foundation
import Hummingbird

/// LinkedIn's Images and Videos APIs in the sandbox: `initializeUpload` registers an asset and answers upload URLs on
/// the sandbox itself (`/linkedin/dms-uploads/{asset}?part=n`), the bytes come with `PUT`, a video is then
/// `finalizeUpload`ed with the parts' ETags; `/rest/posts` only takes uploaded assets of the author.
struct LinkedInMediaRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// A video's part size in the upload instructions (4 MiB, as LinkedIn documents).
    static let partSize = 4_194_304

    static func refusal(_ status: Int, _ message: String) -> Response {
        SandboxReply.json(status, ["status": status, "message": message])
    }

    /// A refusal when a post's `content` references media that is not an uploaded asset of `author`.
    static func contentRefusal(_ content: Any?, author: String, state: SandboxState) async -> Response? {
        guard let content = content as? [String: Any] else { return nil }
        var ids: [String] = []
        if let media = content["media"] as? [String: Any] {
            ids = [media["id"] as? String ?? ""]
        } else if let multi = content["multiImage"] as? [String: Any] {
            let images = multi["images"] as? [[String: Any]] ?? []
            guard (2...20).contains(images.count) else {
                return refusal(422, "/content/multiImage/images must hold 2 to 20 images, not \(images.count)")
            }
            ids = images.map { $0["id"] as? String ?? "" }
            if let video = ids.first(where: { !$0.hasPrefix("urn:li:image:") }) {
                return refusal(422, "/content/multiImage/images: \(video) is not an image")
            }
        }
        for id in ids {
            guard let upload = await state.upload(urn: id), upload.owner == author, upload.isAvailable else {
                return refusal(422, "/content: \(id) is not an uploaded asset of \(author)")
            }
        }
        return nil
    }

    private func initialize(_ request: Request, kind: String) async throws -> Response {
        let call = try await SandboxCall.read(request)
        let body = call.json["initializeUploadRequest"] as? [String: Any] ?? [:]
        let owner = body["owner"] as? String ?? ""
        if let refusal = await gate.before(call, account: owner) { return refusal }
        if let refusal = LinkedInRoutes.versionRefusal(call) { return refusal }
        guard call.query["action"] == "initializeUpload" else { return Self.refusal(400, "unknown action") }
        guard owner.hasPrefix("urn:li:") else { return Self.refusal(422, "/initializeUploadRequest/owner is required") }
        var parts = 1
        if kind == "video" {
            guard let size = body["fileSizeBytes"] as? Int, size > 0 else {
                return Self.refusal(422, "/initializeUploadRequest/fileSizeBytes is required")
            }
            parts = (size + Self.partSize - 1) / Self.partSize
        }
        let asset = (kind == "image" ? "D4E10AQsandbox" : "D5610AQsandbox") + String(await state.next("linkedin/\(kind)"))
        let urn = "urn:li:\(kind):\(asset)"
        await state.saveUpload(SandboxUpload(asset: asset, urn: urn, owner: owner, partCount: parts))
        let host = request.head.authority ?? "127.0.0.1"
        let url = { (part: Int) in "http://\(host)/linkedin/dms-uploads/\(asset)?part=\(part)&sync=0&v=beta" }
        let expires = Int((await state.now().timeIntervalSince1970 + 86_400) * 1000)
        guard kind == "video" else {
            return SandboxReply.json(200, ["value": ["uploadUrlExpiresAt": expires, "uploadUrl": url(0), "image": urn]])
        }
        let size = body["fileSizeBytes"] as? Int ?? 0
        let instructions = (0..<parts).map { part in
            [
                "uploadUrl": url(part), "firstByte": part * Self.partSize,
                "lastByte": min(size, (part + 1) * Self.partSize) - 1,
            ] as [String: Any]
        }
        return SandboxReply.json(
            200,
            [
                "value": [
                    "uploadUrlsExpireAt": expires, "video": urn, "uploadInstructions": instructions, "uploadToken": "",
                ]
            ])
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("linkedin/rest/images") { request, _ -> Response in try await initialize(request, kind: "image") }
        router.post("linkedin/rest/videos") { request, _ -> Response in
            guard request.uri.queryParameters["action"] == "finalizeUpload" else {
                return try await initialize(request, kind: "video")
            }
            let call = try await SandboxCall.read(request)
            let body = call.json["finalizeUploadRequest"] as? [String: Any] ?? [:]
            guard let urn = body["video"] as? String, var upload = await state.upload(urn: urn) else {
                return Self.refusal(404, "Not Found")
            }
            if let refusal = await gate.before(call, account: upload.owner) { return refusal }
            if let refusal = LinkedInRoutes.versionRefusal(call) { return refusal }
            let expected = (0..<upload.partCount).map { upload.parts[$0] ?? "" }
            guard body["uploadedPartIds"] as? [String] == expected, !expected.contains("") else {
                return Self.refusal(400, "uploadedPartIds do not match the uploaded parts")
            }
            upload.finalized = true
            await state.saveUpload(upload)
            await state.store(
                SandboxPost(
                    network: "linkedin", account: upload.owner, id: urn, kind: "media", text: "",
                    body: "\(upload.partCount) parts", postedAt: await state.now()))
            return SandboxReply.raw(200, Data(), contentType: nil)
        }
        router.put("linkedin/dms-uploads/:asset") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            guard var upload = await state.upload(asset: context.parameters.get("asset") ?? "") else {
                return Self.refusal(404, "Not Found")
            }
            if let refusal = await gate.before(call, account: upload.owner) { return refusal }
            let part = Int(call.query["part"] ?? "") ?? -1
            guard (0..<upload.partCount).contains(part), !call.body.isEmpty else {
                return Self.refusal(400, "empty upload or unknown part")
            }
            let etag = "/sandbox/\(upload.asset)/\(part)/\(call.body.count)"
            upload.parts[part] = etag
            await state.saveUpload(upload)
            guard upload.urn.hasPrefix("urn:li:image:") else {
                return SandboxReply.raw(200, Data(), contentType: nil, headers: [("ETag", etag)])
            }
            await state.store(
                SandboxPost(
                    network: "linkedin", account: upload.owner, id: upload.urn, kind: "media", text: "",
                    body: "\(call.body.count) bytes \(call.headers["content-type"] ?? "")", postedAt: await state.now()))
            return SandboxReply.raw(201, Data(), contentType: nil)
        }
    }
}
