import Foundation
import GlocalSandbox
import Testing

/// X's chunked media upload (initialize → append → finalize → STATUS) and the one-shot upload's categories, as
/// `xdk-latest-openapi.json` (v2.159, the version glocal speaks) gives them; every enum and limit is read from the spec
/// file at test time, every answer checked against its response schema.
@Suite struct XMediaUploadAnswerTests {
    static let token = "lumiere-us~access"

    struct Spec {
        let xdk: OpenAPIChecker
        let newer: OpenAPIChecker
        let categories: [String]
        let oneShotCategories: [String]
        let mediaTypes: [String]
        let configProperties: [String]
        let maxTotalBytes: Int
        let maxSegmentIndex: Int
        let states: [String]

        init() throws {
            xdk = try OpenAPIChecker("x/xdk-latest-openapi.json")
            newer = try OpenAPIChecker("x/openapi.json")
            categories = try #require(xdk.component("MediaCategory")?["enum"] as? [String])
            oneShotCategories = try #require(xdk.component("MediaCategoryOneShot")?["enum"] as? [String])
            let config = try #require(xdk.component("MediaUploadConfigRequest"))
            #expect(config["additionalProperties"] as? Bool == false)
            let properties = try #require(config["properties"] as? [String: Any])
            configProperties = properties.keys.sorted()
            mediaTypes = try #require((properties["media_type"] as? [String: Any])?["enum"] as? [String])
            maxTotalBytes = try #require((properties["total_bytes"] as? [String: Any])?["maximum"] as? Int)
            let segments = try #require(xdk.component("MediaSegments")?["oneOf"] as? [[String: Any]])
            maxSegmentIndex = try #require(segments.compactMap { $0["maximum"] as? Int }.first)
            let info = try #require(xdk.component("ProcessingInfo")?["properties"] as? [String: Any])
            states = try #require((info["state"] as? [String: Any])?["enum"] as? [String])
        }

        /// The problems of an answer against xdk, and of a success without Problems against `openapi.json` too
        /// (which describes the same answers, with `additionalProperties: false` on `processing_info`; its Problem
        /// types name another host, where the sandbox follows xdk). xdk's `MediaUploadResponse` and
        /// `MediaUploadAppendResponse` require a `meta`, and its `ProcessingInfo` a `type`, that none of their
        /// `properties` define (v2.159): those two are left out.
        func problems(_ answer: SandboxCalls.Answer, _ method: String, _ path: String) -> [String] {
            let undefined: Set<String> = ["$.meta: required", "$.data.processing_info.type: required"]
            let older = XAnswerTests.check(answer, method, path, in: xdk).filter { !undefined.contains($0) }
            guard answer.status < 400, answer.object["errors"] == nil else { return older }
            return older + XAnswerTests.check(answer, method, path, in: newer)
        }
    }

    static func data(_ answer: SandboxCalls.Answer) -> [String: Any] { answer.object["data"] as? [String: Any] ?? [:] }

    static func state(_ answer: SandboxCalls.Answer) -> String? {
        (data(answer)["processing_info"] as? [String: Any])?["state"] as? String
    }

    /// Opens an upload of `bytes` bytes and appends them in `segments` (multipart), answering the media id.
    static func open(
        _ sandbox: SandboxCalls, category: String = "tweet_video", type: String = "video/mp4", segments: [Data]
    ) async throws -> String {
        let total = segments.reduce(0) { $0 + $1.count }
        let opened = try await sandbox.call(
            "POST", "x/2/media/upload/initialize", token: token,
            json: ["media_category": category, "media_type": type, "total_bytes": total])
        let id = try #require(data(opened)["id"] as? String, "\(opened.status) \(String(decoding: opened.body, as: UTF8.self))")
        for (index, segment) in segments.enumerated() {
            let appended = try await sandbox.call(
                "POST", "x/2/media/upload/\(id)/append", token: token,
                raw: SandboxCalls.multipart(
                    fields: [("segment_index", String(index))], file: ("media", "application/octet-stream", segment)))
            #expect(appended.status == 200)
        }
        return id
    }

    @Test func aVideoGoesPendingThenInProgressThenSucceeded() async throws {
        let spec = try Spec()
        #expect(spec.states.contains("pending") && spec.states.contains("in_progress") && spec.states.contains("succeeded"))
        try await SandboxCalls.run { sandbox in
            let opened = try await sandbox.call(
                "POST", "x/2/media/upload/initialize", token: Self.token,
                json: ["media_category": "tweet_video", "media_type": "video/mp4", "total_bytes": 10])
            #expect(opened.status == 200)
            #expect(spec.problems(opened, "POST", "/2/media/upload/initialize") == [])
            let id = try #require(Self.data(opened)["id"] as? String)
            // MediaUploadAppendRequest: multipart bytes, or JSON base64 with `segment_index` as a digit string.
            let first = try await sandbox.call(
                "POST", "x/2/media/upload/\(id)/append", token: Self.token,
                raw: SandboxCalls.multipart(fields: [("segment_index", "0")], file: ("media", "video/mp4", Data(count: 6))))
            #expect(first.status == 200)
            #expect(spec.problems(first, "POST", "/2/media/upload/{id}/append") == [])
            let second = try await sandbox.call(
                "POST", "x/2/media/upload/\(id)/append", token: Self.token,
                json: ["media": Data(count: 4).base64EncodedString(), "segment_index": "1"])
            #expect(second.status == 200)
            let finalized = try await sandbox.call("POST", "x/2/media/upload/\(id)/finalize", token: Self.token)
            #expect(finalized.status == 200)
            #expect(spec.problems(finalized, "POST", "/2/media/upload/{id}/finalize") == [])
            #expect(Self.data(finalized)["size"] as? Int == 10)
            let info = try #require(Self.data(finalized)["processing_info"] as? [String: Any])
            #expect(info["state"] as? String == "pending")
            #expect((info["check_after_secs"] as? Int ?? 0) > 0)
            var seen: [String] = []
            for _ in 0..<3 {
                let status = try await sandbox.call(
                    "GET", "x/2/media/upload?media_id=\(id)&command=STATUS", token: Self.token)
                #expect(status.status == 200)
                #expect(spec.problems(status, "GET", "/2/media/upload") == [])
                seen.append(Self.state(status) ?? "none")
            }
            #expect(seen == ["in_progress", "succeeded", "succeeded"])
            #expect(seen.allSatisfy(spec.states.contains))
            let bad = try await sandbox.call("GET", "x/2/media/upload?media_id=\(id)&command=FINALIZE", token: Self.token)
            #expect(bad.status == 400)
            #expect(spec.problems(bad, "GET", "/2/media/upload") == [])
            // Each call carries its endpoint's limit from X's rate-limit tables.
            let limits = [
                (opened, "POST", "/2/media/upload/initialize"), (first, "POST", "/2/media/upload/:id/append"),
                (finalized, "POST", "/2/media/upload/:id/finalize"), (bad, "GET", "/2/media/upload"),
            ]
            for (answer, method, endpoint) in limits {
                let limit = try XRateLimitTests.perUser(method, endpoint)
                #expect(answer.headers["x-rate-limit-limit"] == String(limit), "\(method) \(endpoint)")
            }
        }
    }

    @Test func initializeTakesOnlyTheConfigSchema() async throws {
        let spec = try Spec()
        try await SandboxCalls.run { sandbox in
            for category in spec.categories {
                let answer = try await sandbox.call(
                    "POST", "x/2/media/upload/initialize", token: Self.token,
                    json: ["media_category": category, "media_type": spec.mediaTypes[0], "total_bytes": 1])
                #expect(answer.status == 200, "\(category)")
            }
            let refused: [(String, Any)] = [
                ("a category outside MediaCategory", ["media_category": "tweet_story", "total_bytes": 1] as [String: Any]),
                ("a media_type outside the enum", ["media_category": "tweet_video", "media_type": "video/avi"]),
                ("a property the schema does not name", ["media_category": "tweet_video", "command": "INIT"]),
                ("total_bytes over the maximum", ["total_bytes": spec.maxTotalBytes + 1]),
                ("negative total_bytes", ["total_bytes": -1]),
                ("total_bytes as text", ["total_bytes": "10"]),
                ("not an object", [1, 2]),
            ]
            for (why, body) in refused {
                let answer = try await sandbox.call("POST", "x/2/media/upload/initialize", token: Self.token, json: body)
                #expect(answer.status == 400, "\(why)")
                #expect(answer.object["type"] as? String == "https://api.x.com/2/problems/invalid-request", "\(why)")
                #expect(spec.problems(answer, "POST", "/2/media/upload/initialize") == [], "\(why)")
            }
            #expect(!spec.configProperties.contains("command"))
            let largest = try await sandbox.call(
                "POST", "x/2/media/upload/initialize", token: Self.token, json: ["total_bytes": spec.maxTotalBytes])
            #expect(largest.status == 200)
        }
    }

    @Test func appendAndFinalizeHoldToSegmentsAndTotalBytes() async throws {
        let spec = try Spec()
        try await SandboxCalls.run { sandbox in
            let id = try await Self.open(sandbox, segments: [])
            for index in ["\(spec.maxSegmentIndex + 1)", "-1", "x"] {
                let answer = try await sandbox.call(
                    "POST", "x/2/media/upload/\(id)/append", token: Self.token,
                    raw: SandboxCalls.multipart(fields: [("segment_index", index)], file: ("media", "video/mp4", Data(count: 2))))
                #expect(answer.status == 400, "segment_index \(index)")
                #expect(spec.problems(answer, "POST", "/2/media/upload/{id}/append") == [])
            }
            let highest = try await sandbox.call(
                "POST", "x/2/media/upload/\(id)/append", token: Self.token,
                json: ["media": Data(count: 2).base64EncodedString(), "segment_index": spec.maxSegmentIndex])
            #expect(highest.status == 200, "segment_index \(spec.maxSegmentIndex) is allowed")
            let noMedia = try await sandbox.call(
                "POST", "x/2/media/upload/\(id)/append", token: Self.token, json: ["segment_index": 0])
            #expect(noMedia.status == 400)
            // Segment 999 alone leaves a gap from 0: finalize refuses it.
            let gap = try await sandbox.call("POST", "x/2/media/upload/\(id)/finalize", token: Self.token)
            #expect(gap.status == 400)
            #expect(spec.problems(gap, "POST", "/2/media/upload/{id}/finalize") == [])

            // 5 bytes declared, 4 appended.
            let opened = try await sandbox.call(
                "POST", "x/2/media/upload/initialize", token: Self.token,
                json: ["media_category": "tweet_video", "media_type": "video/mp4", "total_bytes": 5])
            let short = try #require(Self.data(opened)["id"] as? String)
            _ = try await sandbox.call(
                "POST", "x/2/media/upload/\(short)/append", token: Self.token,
                json: ["media": Data(count: 4).base64EncodedString(), "segment_index": 0])
            let mismatch = try await sandbox.call("POST", "x/2/media/upload/\(short)/finalize", token: Self.token)
            #expect(mismatch.status == 400)
            #expect((mismatch.object["errors"] as? [[String: Any]])?.first?["parameters"] != nil)

            let foreign = try await sandbox.call(
                "POST", "x/2/media/upload/\(short)/append", token: "someone-else~t",
                json: ["media": Data(count: 1).base64EncodedString(), "segment_index": 1])
            #expect(foreign.status == 400, "another user's upload")
            let early = try await sandbox.call("GET", "x/2/media/upload?media_id=\(short)&command=STATUS", token: Self.token)
            #expect(early.status == 400, "no status before finalize")
        }
    }

    @Test func aTweetRefusesMediaWhoseProcessingHasNotSucceeded() async throws {
        let spec = try Spec()
        try await SandboxCalls.run { sandbox in
            let id = try await Self.open(sandbox, segments: [Data(count: 3)])
            _ = try await sandbox.call("POST", "x/2/media/upload/\(id)/finalize", token: Self.token)
            let early = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token, json: ["text": "too soon", "media": ["media_ids": [id]]])
            #expect(early.status == 400)
            #expect(early.object["type"] as? String == "https://api.x.com/2/problems/invalid-request")
            #expect(XAnswerTests.check(early, "POST", "/2/tweets", in: spec.xdk) == [])
            for _ in 0..<2 { _ = try await sandbox.call("GET", "x/2/media/upload?media_id=\(id)", token: Self.token) }
            let ready = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token, json: ["text": "now", "media": ["media_ids": [id]]])
            #expect(ready.status == 201)

            // fail_upload: the next status check answers `failed` with a Problem, and the media stays unusable.
            await sandbox.state.inject(SandboxFault(network: "x", kind: .failUpload))
            let broken = try await Self.open(sandbox, category: "tweet_gif", type: "image/gif", segments: [Data(count: 3)])
            _ = try await sandbox.call("POST", "x/2/media/upload/\(broken)/finalize", token: Self.token)
            let failed = try await sandbox.call("GET", "x/2/media/upload?media_id=\(broken)", token: Self.token)
            #expect(Self.state(failed) == "failed")
            #expect(spec.problems(failed, "GET", "/2/media/upload") == [])
            #expect((failed.object["errors"] as? [[String: Any]])?.first?["detail"] as? String != nil)
            let again = try await sandbox.call("GET", "x/2/media/upload?media_id=\(broken)", token: Self.token)
            #expect(Self.state(again) == "failed")
            let refused = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token, json: ["text": "broken gif", "media": ["media_ids": [broken]]])
            #expect(refused.status == 400)

            // stuck_upload: each hit holds a status check at in_progress.
            await sandbox.state.inject(SandboxFault(network: "x", kind: .stuckUpload, count: 2))
            let slow = try await Self.open(sandbox, segments: [Data(count: 3)])
            _ = try await sandbox.call("POST", "x/2/media/upload/\(slow)/finalize", token: Self.token)
            var seen: [String] = []
            for _ in 0..<4 {
                seen.append(
                    Self.state(try await sandbox.call("GET", "x/2/media/upload?media_id=\(slow)", token: Self.token)) ?? "")
            }
            #expect(seen == ["in_progress", "in_progress", "succeeded", "succeeded"])
        }
    }

    @Test func theOneShotUploadTakesOnlyItsOwnCategories() async throws {
        let spec = try Spec()
        let chunkedOnly = spec.categories.filter { !spec.oneShotCategories.contains($0) }
        #expect(chunkedOnly.contains("tweet_video") && chunkedOnly.contains("tweet_gif"))
        try await SandboxCalls.run { sandbox in
            for category in spec.categories {
                let answer = try await sandbox.call(
                    "POST", "x/2/media/upload", token: Self.token,
                    raw: SandboxCalls.multipart(
                        fields: [("media_category", category)], file: ("media", "video/mp4", Data([0, 0, 0, 0x18]))))
                #expect(answer.status == (spec.oneShotCategories.contains(category) ? 200 : 400), "\(category)")
                #expect(spec.problems(answer, "POST", "/2/media/upload") == [])
            }
            let wrongType = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                json: ["media": Data([1]).base64EncodedString(), "media_category": "tweet_image", "media_type": "video/mp4"])
            #expect(wrongType.status == 400, "the one-shot media_type enum has images and subtitles only")
            let extra = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                json: ["media": Data([1]).base64EncodedString(), "media_category": "tweet_image", "total_bytes": 1])
            #expect(extra.status == 400, "additionalProperties: false")
        }
    }
}
