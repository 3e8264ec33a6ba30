import Foundation
import Hummingbird

/// Facebook Page photos and videos in the sandbox: `POST /{page}/photos` (`url` or multipart `source`, `published`),
/// `POST /{page}/videos` (`file_url`, multipart `source`, or `fbuploader_video_file_chunk`: the handle of a complete
/// video upload of ``GraphUploadRoutes``; `title`, `description`). A published photo or a video is also a feed post
/// `{page}_{n}`; an unpublished photo waits to be attached with `attached_media`.
struct FacebookMediaRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    static func graphError(_ code: Int, _ message: String) -> Response {
        SandboxReply.json(
            400, ["error": ["message": "(#\(code)) \(message)", "type": "OAuthException", "code": code, "fbtrace_id": "sandbox"]])
    }

    /// Error 506 when the page already has a post with this message.
    static func duplicate(_ state: SandboxState, page: String, message: String) async -> Response? {
        guard !message.isEmpty, await state.post(network: "facebook", account: page, text: message) != nil else { return nil }
        return graphError(506, "Duplicate status message")
    }

    /// Stores a feed post and answers its id.
    static func storePost(_ state: SandboxState, page: String, message: String, body: String, key: String?) async -> String {
        let id = "\(page)_\(100_000_000_000 + (await state.next("facebook")))"
        await state.store(
            SandboxPost(
                network: "facebook", account: page, id: id, kind: "post", text: message, body: body, key: key,
                postedAt: await state.now()))
        return id
    }

    /// The media's size as stored: `N bytes` for an upload, the URL for a fetch.
    private func source(_ call: SandboxCall, urlField: String) -> String? {
        if let url = call.field(urlField), !url.isEmpty { return url }
        return call.multipartFile(named: "source").flatMap { $0.bytes.isEmpty ? nil : "\($0.bytes.count) bytes" }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("facebook/:version/:id/photos") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 15)
            if let refusal = await gate.before(call, account: page) { return refusal }
            guard let source = source(call, urlField: "url") else { return Self.graphError(324, "Requires upload file") }
            let published = call.field("published") != "false"
            let message = call.field("message") ?? call.field("caption") ?? ""
            if published, let refusal = await Self.duplicate(state, page: page, message: message) { return refusal }
            let body = call.storedBody(fields: ["message", "published", "url"], files: ["source"])
            let photo = String(200_000_000_000 + (await state.next("facebook/photo")))
            await state.store(
                SandboxPost(
                    network: "facebook", account: page, id: photo, kind: "media", text: source, body: body,
                    key: published ? "published" : "unpublished", postedAt: await state.now()))
            guard published else { return SandboxReply.json(200, ["id": photo]) }
            let post = await Self.storePost(state, page: page, message: message, body: body, key: photo)
            return await gate.after(account: page, path: call.path, SandboxReply.json(200, ["id": photo, "post_id": post]))
        }
        router.post("facebook/:version/:id/videos") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let page = SandboxIdentity.numericID(context.parameters.get("id") ?? "", digits: 15)
            if let refusal = await gate.before(call, account: page) { return refusal }
            let source: String
            if let handle = call.field("fbuploader_video_file_chunk") {
                guard let upload = await state.graphUpload(handle: handle), upload.fileType.hasPrefix("video/") else {
                    return Self.graphError(100, "Param fbuploader_video_file_chunk is not the handle of an uploaded video")
                }
                source = "\(upload.received) bytes"
            } else {
                guard let found = self.source(call, urlField: "file_url") else {
                    return Self.graphError(
                        100, "A video file (source), file_url or fbuploader_video_file_chunk is required")
                }
                source = found
            }
            let description = call.field("description") ?? ""
            if let refusal = await Self.duplicate(state, page: page, message: description) { return refusal }
            let body = call.storedBody(
                fields: ["description", "title", "file_url", "fbuploader_video_file_chunk"], files: ["source"])
            let video = String(300_000_000_000 + (await state.next("facebook/video")))
            await state.store(
                SandboxPost(
                    network: "facebook", account: page, id: video, kind: "media", text: source, body: body, key: "video",
                    postedAt: await state.now()))
            _ = await Self.storePost(state, page: page, message: description, body: body, key: video)
            return await gate.after(account: page, path: call.path, SandboxReply.json(200, ["id": video]))
        }
    }
}
