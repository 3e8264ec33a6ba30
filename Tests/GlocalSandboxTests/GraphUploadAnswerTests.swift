import Foundation
import Testing

/// Meta's Resumable Upload API under the Facebook prefix (open a session, send bytes at `file_offset` with the
/// `OAuth` header, ask the offset) and a Page video published with the handle as `fbuploader_video_file_chunk`.
@Suite struct GraphUploadAnswerTests {
    static let page = "102938475610293"
    static let token = "102938475610293~access"

    /// Opens a session for a `length`-byte `clip.mp4` of `type`, answering its id.
    static func open(_ sandbox: SandboxCalls, length: Int = 10, type: String = "video/mp4") async throws -> String {
        let answer = try await sandbox.call(
            "POST", "facebook/v25.0/1234567890/uploads?file_name=clip.mp4&file_length=\(length)&file_type=\(type)",
            token: token)
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        return try #require(answer.object["id"] as? String)
    }

    /// Sends `bytes` to a session at `offset` with the `OAuth` header (or the headers given).
    static func send(
        _ sandbox: SandboxCalls, _ session: String, _ bytes: Data, offset: Int?,
        headers: [String: String] = ["Authorization": "OAuth \(token)"]
    ) async throws -> SandboxCalls.Answer {
        var headers = headers
        if let offset { headers["file_offset"] = String(offset) }
        return try await sandbox.call(
            "POST", "facebook/v25.0/\(session)", raw: (bytes, "application/octet-stream"), headers: headers)
    }

    /// The Graph error of an answer: code and message, or nothing when the answer is not one.
    static func graphError(_ answer: SandboxCalls.Answer) -> (code: Int, message: String)? {
        guard answer.status == 400, let error = answer.object["error"] as? [String: Any],
            error["type"] as? String != nil, error["fbtrace_id"] as? String != nil, let code = error["code"] as? Int
        else { return nil }
        return (code, error["message"] as? String ?? "")
    }

    @Test func aSessionTakesTheBytesAtItsOffsetAndItsHandlePublishesAPageVideo() async throws {
        try await SandboxCalls.run { sandbox in
            let session = try await Self.open(sandbox)
            #expect(session.hasPrefix("upload:"))
            let status = try await sandbox.call(
                "GET", "facebook/v25.0/\(session)", headers: ["Authorization": "OAuth \(Self.token)"])
            #expect(status.status == 200)
            #expect(status.object["id"] as? String == session && status.object["file_offset"] as? Int == 0)
            let part = try await Self.send(sandbox, session, Data(repeating: 1, count: 4), offset: 0)
            #expect(part.status == 200 && part.object["file_offset"] as? Int == 4 && part.object["h"] == nil)
            let resumed = try await sandbox.call(
                "GET", "facebook/v25.0/\(session)", headers: ["Authorization": "OAuth \(Self.token)"])
            #expect(resumed.object["file_offset"] as? Int == 4)
            let rest = try await Self.send(sandbox, session, Data(repeating: 2, count: 6), offset: 4)
            let handle = try #require(rest.object["h"] as? String)
            #expect(rest.status == 200 && !handle.isEmpty)
            let video = try await sandbox.call(
                "POST", "facebook/v25.0/\(Self.page)/videos", token: Self.token,
                form: [("title", "Hydra"), ("description", "Bonjour"), ("fbuploader_video_file_chunk", handle)])
            #expect(video.status == 200, "\(String(decoding: video.body, as: UTF8.self))")
            let id = try #require(video.object["id"] as? String)
            let stored = await sandbox.state.storedPosts(network: "facebook")
            let media = try #require(stored.first { $0.id == id })
            #expect(media.kind == "media" && media.text == "10 bytes")
            let post = try #require(stored.first { $0.kind == "post" })
            #expect(post.text == "Bonjour" && post.key == id)
        }
    }

    @Test(arguments: [
        ("file_length=10&file_type=video/mp4", "file_name"), ("file_name=a.mp4&file_type=video/mp4", "file_length"),
        ("file_name=a.mp4&file_length=0&file_type=video/mp4", "file_length"),
        ("file_name=a.mp4&file_length=ten&file_type=video/mp4", "file_length"),
        ("file_name=a.mov&file_length=10&file_type=video/quicktime", "file_type"),
        ("file_name=a.mp4&file_length=10", "file_type"),
    ])
    func aSessionNeedsTheParametersTheGuideRequires(_ query: String, _ parameter: String) async throws {
        try await SandboxCalls.run { sandbox in
            let answer = try await sandbox.call("POST", "facebook/v25.0/1234567890/uploads?\(query)", token: Self.token)
            let error = try #require(Self.graphError(answer))
            #expect(error.code == 100 && error.message.contains(parameter), "\(error.message)")
            let missingToken = try await sandbox.call(
                "POST", "facebook/v25.0/1234567890/uploads?file_name=a.mp4&file_length=10&file_type=video/mp4")
            #expect(Self.graphError(missingToken)?.code == 104)
        }
    }

    @Test func bytesNeedTheOAuthHeaderTheSessionsOffsetAndTheSessionsSignature() async throws {
        try await SandboxCalls.run { sandbox in
            let session = try await Self.open(sandbox)
            let bytes = Data(repeating: 3, count: 10)
            let bearer = try await Self.send(
                sandbox, session, bytes, offset: 0, headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(Self.graphError(bearer)?.code == 104)
            let noOffset = try await Self.send(sandbox, session, bytes, offset: nil)
            #expect(Self.graphError(noOffset).map { $0.code == 100 && $0.message.contains("file_offset") } == true)
            let wrongOffset = try await Self.send(sandbox, session, bytes, offset: 3)
            #expect(Self.graphError(wrongOffset).map { $0.code == 100 && $0.message.contains("file_offset 3") } == true)
            let tooLong = try await Self.send(sandbox, session, bytes + Data([0]), offset: 0)
            #expect(Self.graphError(tooLong).map { $0.code == 100 && $0.message.contains("file_length") } == true)
            let unsigned = String(session.prefix { $0 != "?" })
            #expect(Self.graphError(try await Self.send(sandbox, unsigned, bytes, offset: 0))?.code == 100)
            let otherAccount = try await Self.send(
                sandbox, session, bytes, offset: 0, headers: ["Authorization": "OAuth 555~access"])
            #expect(Self.graphError(otherAccount)?.code == 100)
            let status = try await sandbox.call("GET", "facebook/v25.0/\(session)", token: Self.token)
            #expect(Self.graphError(status)?.code == 104)
            // None of the refused sends moved the session.
            let accepted = try await Self.send(sandbox, session, bytes, offset: 0)
            #expect(accepted.object["h"] as? String != nil)
        }
    }

    @Test func aVideoNamingAHandleTheSandboxDidNotCompleteForAVideoIsRefused() async throws {
        try await SandboxCalls.run { sandbox in
            let partial = try await Self.open(sandbox)
            _ = try await Self.send(sandbox, partial, Data(repeating: 1, count: 4), offset: 0)
            let image = try await Self.open(sandbox, length: 3, type: "image/png")
            let imageHandle = try #require(
                try await Self.send(sandbox, image, Data([1, 2, 3]), offset: 0).object["h"] as? String)
            for handle in ["2:bm90LWlzc3VlZA==", imageHandle, ""] {
                let video = try await sandbox.call(
                    "POST", "facebook/v25.0/\(Self.page)/videos", token: Self.token,
                    form: [("description", "Bonjour \(handle)"), ("fbuploader_video_file_chunk", handle)])
                let error = try #require(Self.graphError(video), "\(String(decoding: video.body, as: UTF8.self))")
                #expect(error.code == 100 && error.message.hasPrefix("(#100) ") && error.message.contains("fbuploader"))
            }
            #expect(await sandbox.state.storedPosts(network: "facebook").isEmpty)
        }
    }

    @Test func theUploadRoutesServeTheCurrentGraphVersionAndRefuseOnePastItsExpiry() async throws {
        try await SandboxCalls.run { sandbox in
            await sandbox.state.setNow(Date(timeIntervalSince1970: 1_800_489_600))  // 2027-01-21 00:00:00 UTC
            let open = try await sandbox.call(
                "POST", "facebook/v21.0/1234567890/uploads?file_name=a.mp4&file_length=1&file_type=video/mp4",
                token: Self.token)
            #expect(Self.graphError(open)?.code == 2635)
            let status = try await sandbox.call(
                "GET", "facebook/v21.0/upload:MTpzYW5kYm94MQ?sig=x", headers: ["Authorization": "OAuth \(Self.token)"])
            #expect(Self.graphError(status)?.code == 2635)
            let current = try await sandbox.call(
                "POST", "facebook/v25.0/1234567890/uploads?file_name=a.mp4&file_length=1&file_type=video/mp4",
                token: Self.token)
            #expect(current.status == 200 && (current.object["id"] as? String)?.hasPrefix("upload:") == true)
        }
    }
}
