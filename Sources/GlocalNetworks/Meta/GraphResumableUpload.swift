import Foundation

/// Meta's Resumable Upload API: `POST /{app-id}/uploads?file_name&file_length&file_type` opens a session
/// (`{"id": "upload:…"}`, which may carry its own `?sig=…` query); `POST /{session}` with `Authorization: OAuth` and
/// `file_offset` sends the bytes from that offset and answers the file handle (`{"h": …}`); after a failed send,
/// `GET /{session}` answers the `file_offset` to resume from. None of these calls makes anything public.
struct GraphResumableUpload: Sendable {
    /// The `file_type` values Meta's upload guide lists.
    static let fileTypes: Set<String> = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"]
    /// How many times the bytes are sent (the first send, then resumes from the session's offset).
    static let sends = 3

    let base: URL
    let version: String
    let appID: String
    let token: String
    let api: APICaller
    let classify: @Sendable (HTTPResponse) -> PublishOutcome?

    /// Opens a session for `file`, sends `bytes` (resuming after a transient failure) and answers the file handle.
    func handle(for file: MediaFile, bytes: Data) async throws(NetworkFailure) -> String {
        let session = try await open(file, length: bytes.count)
        var offset = 0
        for attempt in 1...Self.sends {
            let answer: JSON
            do {
                answer = try await send(bytes, from: offset, to: session)
            } catch {
                guard case .transient = error.outcome, attempt < Self.sends else { throw error }
                offset = try await resumeOffset(session, length: bytes.count)
                continue
            }
            if let handle = answer["h"].string, !handle.isEmpty { return handle }
            // An answer without a handle is the session's status: the bytes from its offset are still missing.
            guard let next = answer["file_offset"].int, (0..<bytes.count).contains(next) else {
                throw NetworkFailure(.transient("Facebook's upload session answered neither a handle nor an offset"))
            }
            offset = next
        }
        throw NetworkFailure(.transient("Facebook's upload session gave no file handle after \(Self.sends) sends"))
    }

    /// `POST /{app-id}/uploads`: the session id, checked to start with `upload:`.
    private func open(_ file: MediaFile, length: Int) async throws(NetworkFailure) -> String {
        let request = HTTPRequest(
            method: "POST",
            url: FormEncoding.url(
                base, path: "/\(version)/\(FormEncoding.escape(appID))/uploads",
                query: [("file_name", file.fileName), ("file_length", String(length)), ("file_type", file.mimeType)]),
            headers: ["Authorization": "Bearer \(token)"])
        let response = try await api.send(request, mutates: false, classify: classify)
        guard let id = try api.json(response, mutated: false)["id"].string, id.hasPrefix("upload:") else {
            throw NetworkFailure(.transient("Facebook opened an upload session without an upload: id"))
        }
        return id
    }

    /// `POST /{session}` with the bytes from `offset`: the handle, or the session's status.
    private func send(_ bytes: Data, from offset: Int, to session: String) async throws(NetworkFailure) -> JSON {
        var request = try sessionRequest("POST", session)
        request.headers["file_offset"] = String(offset)
        request.headers["Content-Type"] = "application/octet-stream"
        request.body = bytes.subdata(in: offset..<bytes.count)
        return try api.json(try await api.send(request, mutates: false, classify: classify), mutated: false)
    }

    /// `GET /{session}`: the offset the session holds, the one to send from.
    private func resumeOffset(_ session: String, length: Int) async throws(NetworkFailure) -> Int {
        let response = try await api.send(try sessionRequest("GET", session), mutates: false, classify: classify)
        // `length` means every byte arrived and only the answer was lost: an empty send from there answers the handle.
        guard let offset = try api.json(response, mutated: false)["file_offset"].int, (0...length).contains(offset) else {
            throw NetworkFailure(.transient("Facebook's upload session answered no usable file_offset"))
        }
        return offset
    }

    /// A call to the session id as answered (its `?sig=…` included), the token in the `OAuth` header the guide requires.
    private func sessionRequest(_ method: String, _ session: String) throws(NetworkFailure) -> HTTPRequest {
        var string = base.absoluteString
        if string.hasSuffix("/") { string.removeLast() }
        guard let url = URL(string: "\(string)/\(version)/\(session)") else {
            throw NetworkFailure(.transient("Facebook answered an upload session id that is not a URL path"))
        }
        return HTTPRequest(method: method, url: url, headers: ["Authorization": "OAuth \(token)"])
    }
}
