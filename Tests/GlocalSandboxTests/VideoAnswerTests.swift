import Foundation
import GlocalSandbox
import Testing

/// YouTube's resumable upload and TikTok's Direct Post in the sandbox answer in the shapes their references show
/// (docs/networks.md, YouTube and TikTok): Google's `308 Resume Incomplete` with `Range` and its JSON errors,
/// TikTok's `{data, error: {code, message, log_id}}` envelope and 206/201 chunk answers.
@Suite struct VideoAnswerTests {
    static var resource: [String: Any] {
        [
            "snippet": ["title": "Meet Hydra", "description": "Thirsty skin?", "tags": ["hydra"], "categoryId": "26"],
            "status": ["privacyStatus": "unlisted"],
        ]
    }

    static func openSession(_ sandbox: SandboxCalls, size: Int, resource: [String: Any] = resource) async throws
        -> SandboxCalls.Answer
    {
        try await sandbox.call(
            "POST", "youtube/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status", token: "yt~t",
            json: resource, headers: ["X-Upload-Content-Length": String(size), "X-Upload-Content-Type": "video/mp4"])
    }

    /// The session path (with its `upload_id`) from a `Location`.
    static func sessionPath(_ answer: SandboxCalls.Answer) throws -> String {
        let location = try #require(answer.headers["location"])
        let url = try #require(URL(string: location))
        return String(url.path.dropFirst()) + "?" + (url.query ?? "")
    }

    static func put(_ sandbox: SandboxCalls, _ path: String, bytes: Int, range: String) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "PUT", path, token: "yt~t", raw: (Data(repeating: 7, count: bytes), "video/mp4"), headers: ["Content-Range": range])
    }

    @Test func youtubeAnswersTheResumableProtocol() async throws {
        try await SandboxCalls.run { sandbox in
            let opened = try await Self.openSession(sandbox, size: 600_000)
            #expect(opened.status == 200)
            #expect(opened.body.isEmpty)
            let session = try Self.sessionPath(opened)
            #expect(session.contains("uploadType=resumable") && session.contains("upload_id="))
            // Nothing received yet: 308 without Range.
            let empty = try await Self.put(sandbox, session, bytes: 0, range: "bytes */600000")
            #expect(empty.status == 308 && empty.headers["range"] == nil)
            let first = try await Self.put(sandbox, session, bytes: 262_144, range: "bytes 0-262143/600000")
            #expect(first.status == 308 && first.headers["range"] == "bytes=0-262143")
            let status = try await Self.put(sandbox, session, bytes: 0, range: "bytes */600000")
            #expect(status.status == 308 && status.headers["range"] == "bytes=0-262143")
            // Not a multiple of 256 KiB, and not the last chunk.
            let odd = try await Self.put(sandbox, session, bytes: 1_000, range: "bytes 262144-263143/600000")
            #expect(odd.status == 400)
            #expect(
                (((odd.object["error"] as? [String: Any])?["errors"] as? [[String: Any]])?.first?["reason"] as? String)
                    == "badContent")
            let last = try await Self.put(sandbox, session, bytes: 337_856, range: "bytes 262144-599999/600000")
            #expect(last.status == 200)
            #expect(last.object["kind"] as? String == "youtube#video")
            let id = try #require(last.object["id"] as? String)
            #expect((last.object["snippet"] as? [String: Any])?["title"] as? String == "Meet Hydra")
            #expect((last.object["status"] as? [String: Any])?["privacyStatus"] as? String == "unlisted")
            // A status query on a finished session answers the video again.
            let done = try await Self.put(sandbox, session, bytes: 0, range: "bytes */600000")
            #expect(done.status == 200 && done.object["id"] as? String == id)
            let list = try await sandbox.call("GET", "youtube/youtube/v3/videos?part=statistics&id=\(id)", token: "yt~t")
            #expect(list.object["kind"] as? String == "youtube#videoListResponse")
            let statistics = try #require(((list.object["items"] as? [[String: Any]])?.first)?["statistics"] as? [String: Any])
            // Google sends the counters as strings.
            #expect(["viewCount", "likeCount", "favoriteCount", "commentCount"].allSatisfy { statistics[$0] is String })
        }
    }

    @Test func youtubeErrorsHaveGooglesShape() async throws {
        try await SandboxCalls.run { sandbox in
            var long = Self.resource
            long["snippet"] = ["title": String(repeating: "a", count: 101), "description": ""]
            let invalid = try await Self.openSession(sandbox, size: 10, resource: long)
            #expect(invalid.status == 400)
            let error = try #require(invalid.object["error"] as? [String: Any])
            #expect(error["code"] as? Int == 400 && error["message"] is String)
            #expect(((error["errors"] as? [[String: Any]])?.first?["reason"] as? String) == "invalidTitle")
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .rateLimit))
            let quota = try await Self.openSession(sandbox, size: 10)
            let quotaError = try #require((quota.object["error"] as? [String: Any])?["errors"] as? [[String: Any]])
            #expect(quota.status == 403)
            #expect(quotaError.first?["reason"] as? String == "quotaExceeded")
            #expect(quotaError.first?["domain"] as? String == "youtube.quota")
            // YouTube's message links the quota page.
            #expect((quotaError.first?["message"] as? String)?.contains("getting-started#quota") == true)
            await sandbox.state.inject(SandboxFault(network: "youtube", kind: .expiredToken))
            let expired = try await Self.openSession(sandbox, size: 10)
            #expect(expired.status == 401)
            #expect(expired.headers["www-authenticate"]?.hasPrefix("Bearer realm=") == true)
        }
    }

    /// `thumbnails.set` of `bytes` as `type` for `videoID`.
    static func setThumbnail(_ sandbox: SandboxCalls, videoID: String, _ bytes: Data, type: String) async throws
        -> SandboxCalls.Answer
    {
        try await sandbox.call(
            "POST", "youtube/upload/youtube/v3/thumbnails/set?videoId=\(videoID)", token: "yt~t", raw: (bytes, type))
    }

    static func reason(_ answer: SandboxCalls.Answer) -> String? {
        (((answer.object["error"] as? [String: Any])?["errors"] as? [[String: Any]])?.first?["reason"] as? String)
    }

    @Test func youtubeThumbnailsAreJPEGOrPNGOfAtMostTwoMegabytes() async throws {
        try await SandboxCalls.run { sandbox in
            let session = try Self.sessionPath(try await Self.openSession(sandbox, size: 10))
            let video = try await Self.put(sandbox, session, bytes: 10, range: "bytes 0-9/10")
            let id = try #require(video.object["id"] as? String)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let set = try await Self.setThumbnail(sandbox, videoID: id, png, type: "image/png")
            #expect(set.status == 200 && set.object["kind"] as? String == "youtube#thumbnailSetResponse")
            // A GIF's bytes sent as image/png, and a PNG sent as text: invalidImage.
            let gif = try await Self.setThumbnail(sandbox, videoID: id, Data("GIF89a".utf8), type: "image/png")
            #expect(gif.status == 400 && Self.reason(gif) == "invalidImage")
            let text = try await Self.setThumbnail(sandbox, videoID: id, png, type: "text/plain")
            #expect(text.status == 400 && Self.reason(text) == "invalidImage")
            // 2 MB is 2 097 152 bytes: one more is mediaBodyTooLarge.
            let limit = png + Data(repeating: 0, count: 2_097_152 - png.count)
            #expect(try await Self.setThumbnail(sandbox, videoID: id, limit, type: "image/png").status == 200)
            let over = try await Self.setThumbnail(sandbox, videoID: id, limit + Data([0]), type: "image/png")
            #expect(over.status == 413 && Self.reason(over) == "mediaBodyTooLarge")
            let unknown = try await Self.setThumbnail(sandbox, videoID: "nope", png, type: "image/png")
            #expect(unknown.status == 404 && Self.reason(unknown) == "videoNotFound")
        }
    }

    static func tiktokInit(_ sandbox: SandboxCalls, size: Int, chunk: Int, count: Int, privacy: String = "PUBLIC_TO_EVERYONE")
        async throws -> SandboxCalls.Answer
    {
        try await sandbox.call(
            "POST", "tiktok/v2/post/publish/video/init/", token: "tt~t",
            json: [
                "post_info": ["title": "Hydra 💧", "privacy_level": privacy],
                "source_info": ["source": "FILE_UPLOAD", "video_size": size, "chunk_size": chunk, "total_chunk_count": count],
            ])
    }

    static func envelopeIsOK(_ answer: SandboxCalls.Answer) -> Bool {
        let error = answer.object["error"] as? [String: Any]
        return answer.status == 200 && error?["code"] as? String == "ok" && error?["log_id"] is String
            && answer.object["data"] is [String: Any]
    }

    @Test func tiktokAnswersTheDirectPostFlow() async throws {
        try await SandboxCalls.run { sandbox in
            let creator = try await sandbox.call("POST", "tiktok/v2/post/publish/creator_info/query/", token: "tt~t")
            #expect(Self.envelopeIsOK(creator))
            let options = (creator.object["data"] as? [String: Any])?["privacy_level_options"] as? [String]
            #expect(options?.contains("PUBLIC_TO_EVERYONE") == true)
            // total_chunk_count must be the size divided by the chunk size, rounded down.
            let wrong = try await Self.tiktokInit(sandbox, size: 11_000_000, chunk: 5_000_000, count: 3)
            #expect(wrong.status == 400 && (wrong.object["error"] as? [String: Any])?["code"] as? String == "invalid_params")
            let initialised = try await Self.tiktokInit(sandbox, size: 11_000_000, chunk: 5_000_000, count: 2)
            #expect(Self.envelopeIsOK(initialised))
            let data = try #require(initialised.object["data"] as? [String: Any])
            let publishID = try #require(data["publish_id"] as? String)
            let uploadURL = try #require(data["upload_url"] as? String)
            let upload = try #require(URL(string: uploadURL))
            let path = String(upload.path.dropFirst()) + "?" + (upload.query ?? "")
            func put(_ first: Int, _ last: Int) async throws -> SandboxCalls.Answer {
                try await sandbox.call(
                    "PUT", path, token: "tt~t", raw: (Data(repeating: 1, count: last - first + 1), "video/mp4"),
                    headers: ["Content-Range": "bytes \(first)-\(last)/11000000"])
            }
            #expect(try await put(5_000_000, 10_999_999).status == 416)  // out of order
            #expect(try await put(0, 4_999_999).status == 206)
            let status = try await sandbox.call(
                "POST", "tiktok/v2/post/publish/status/fetch/", token: "tt~t", json: ["publish_id": publishID])
            #expect((status.object["data"] as? [String: Any])?["status"] as? String == "PROCESSING_UPLOAD")
            #expect((status.object["data"] as? [String: Any])?["uploaded_bytes"] as? Int == 5_000_000)
            #expect(try await put(5_000_000, 10_999_999).status == 201)
            let done = try await sandbox.call(
                "POST", "tiktok/v2/post/publish/status/fetch/", token: "tt~t", json: ["publish_id": publishID])
            let doneData = try #require(done.object["data"] as? [String: Any])
            #expect(doneData["status"] as? String == "PUBLISH_COMPLETE")
            #expect((doneData["publicaly_available_post_id"] as? [Int])?.count == 1)
        }
    }

    @Test func tiktokErrorsHaveItsEnvelope() async throws {
        try await SandboxCalls.run { sandbox in
            let mismatch = try await Self.tiktokInit(sandbox, size: 10, chunk: 10, count: 1, privacy: "FOLLOWER_OF_CREATOR")
            #expect(mismatch.status == 400)
            #expect((mismatch.object["error"] as? [String: Any])?["code"] as? String == "privacy_level_option_mismatch")
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .rateLimit))
            let limited = try await Self.tiktokInit(sandbox, size: 10, chunk: 10, count: 1)
            #expect(limited.status == 429)
            #expect((limited.object["error"] as? [String: Any])?["code"] as? String == "rate_limit_exceeded")
            await sandbox.state.inject(SandboxFault(network: "tiktok", kind: .expiredToken))
            let expired = try await Self.tiktokInit(sandbox, size: 10, chunk: 10, count: 1)
            #expect(expired.status == 401)
            #expect((expired.object["error"] as? [String: Any])?["code"] as? String == "access_token_invalid")
            #expect((expired.object["error"] as? [String: Any])?["log_id"] is String)
        }
    }
}
