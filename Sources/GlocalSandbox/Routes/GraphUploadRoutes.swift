import Foundation
import Hummingbird

/// Meta's Resumable Upload API under the Facebook prefix, as the Graph upload guide gives it:
/// `POST /{app-id}/uploads?file_name&file_length&file_type` opens a session (`{"id": "upload:<n>?sig=<s>"}`);
/// `POST /upload:<n>?sig=<s>` with `Authorization: OAuth <token>` and `file_offset` headers takes the next bytes as
/// the raw body, answering `{"h": "<handle>"}` once all `file_length` bytes are in (before that, as the status);
/// `GET /upload:<n>?sig=<s>` answers `{"id", "file_offset"}` to resume. A Page video publishes the handle as
/// `fbuploader_video_file_chunk` (``FacebookMediaRoutes``).
struct GraphUploadRoutes: Sendable {
    let gate: SandboxGate
    var state: SandboxState { gate.state }

    /// The `file_type` values the guide lists.
    static let fileTypes: Set<String> = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"]

    /// The token of an `Authorization: OAuth <token>` header, where the guide requires it on a session's calls.
    static func oauthToken(_ call: SandboxCall) -> String? {
        guard let value = call.headers["authorization"], value.hasPrefix("OAuth ") else { return nil }
        let token = String(value.dropFirst(6))
        return token.isEmpty ? nil : token
    }

    /// The account a token stands for: the text before `~`.
    static func account(of token: String) -> String { String(token.split(separator: "~", maxSplits: 1).first ?? "") }

    /// Graph's answer to a session id it does not know (or a `sig` that is not the session's).
    static func unknownSession(_ method: String, _ session: String) -> Response {
        SandboxDialect.graphError(
            400, code: 100, subcode: 33,
            message:
                "Unsupported \(method.lowercased()) request. Object with ID 'upload:\(session)' does not exist, cannot be "
                + "loaded due to missing permissions, or does not support this operation.",
            type: "GraphMethodException")
    }

    /// `{"id", "file_offset"}`: where a session stands.
    static func status(_ upload: SandboxGraphUpload) -> Response {
        SandboxReply.json(200, ["id": upload.id, "file_offset": upload.received])
    }

    /// The session a call names, when its `sig` is the one answered and its token's account opened it.
    private func session(_ call: SandboxCall, _ session: String, account: String) async -> SandboxGraphUpload? {
        guard let upload = await state.graphUpload(session: session), upload.signature == call.query["sig"],
            upload.account == account
        else { return nil }
        return upload
    }

    /// Why the upload session's token is missing (the header is the only place the guide takes it), or `nil`.
    private func tokenRefusal(_ call: SandboxCall) -> Response? {
        Self.oauthToken(call) == nil ? gate.dialect.missingToken() : nil
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("facebook/:version/:id/uploads") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            let account = Self.account(of: call.graphToken ?? "")
            if let refusal = await gate.before(call, account: account) { return refusal }
            let appID = context.parameters.get("id") ?? ""
            guard let name = call.field("file_name"), !name.isEmpty else {
                return FacebookMediaRoutes.graphError(100, "The parameter file_name is required")
            }
            guard let length = call.field("file_length").flatMap({ Int($0) }), length > 0 else {
                return FacebookMediaRoutes.graphError(100, "Param file_length must be a positive integer")
            }
            guard let type = call.field("file_type"), Self.fileTypes.contains(type) else {
                return FacebookMediaRoutes.graphError(
                    100, "Param file_type must be one of \(Self.fileTypes.sorted().joined(separator: ", "))")
            }
            let serial = await state.next("facebook/upload")
            let upload = SandboxGraphUpload(
                session: "MTpzYW5kYm94\(serial)", signature: "ARZsandbox\(serial)", appID: appID, account: account,
                fileName: name, fileLength: length, fileType: type)
            await state.saveGraphUpload(upload)
            return SandboxReply.json(200, ["id": upload.id])
        }
        router.post("facebook/:version/upload:{session}") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            if let refusal = tokenRefusal(call) { return refusal }
            let account = Self.account(of: Self.oauthToken(call) ?? "")
            if let refusal = await gate.before(call, account: account, requiresToken: false) { return refusal }
            let name = context.parameters.get("session") ?? ""
            guard var upload = await session(call, name, account: account) else { return Self.unknownSession("POST", name) }
            guard let offset = call.headers["file_offset"].flatMap({ Int($0) }) else {
                return FacebookMediaRoutes.graphError(100, "The header file_offset is required")
            }
            guard offset == upload.received else {
                return FacebookMediaRoutes.graphError(
                    100, "file_offset \(offset) does not match the session's offset \(upload.received)")
            }
            guard upload.handle == nil else { return SandboxReply.json(200, ["h": upload.handle ?? ""]) }
            guard upload.received + call.body.count <= upload.fileLength else {
                return FacebookMediaRoutes.graphError(
                    100, "The upload is longer than file_length \(upload.fileLength): \(offset + call.body.count) bytes")
            }
            upload.received += call.body.count
            if upload.received == upload.fileLength {
                upload.handle = "2:" + Data("sandbox:\(upload.session):\(upload.fileName)".utf8).base64EncodedString()
            }
            await state.saveGraphUpload(upload)
            guard let handle = upload.handle else { return Self.status(upload) }
            return SandboxReply.json(200, ["h": handle])
        }
        router.get("facebook/:version/upload:{session}") { request, context -> Response in
            let call = try await SandboxCall.read(request)
            if let refusal = tokenRefusal(call) { return refusal }
            let account = Self.account(of: Self.oauthToken(call) ?? "")
            if let refusal = await gate.before(call, account: account, requiresToken: false) { return refusal }
            let name = context.parameters.get("session") ?? ""
            guard let upload = await session(call, name, account: account) else { return Self.unknownSession("GET", name) }
            return Self.status(upload)
        }
    }
}
