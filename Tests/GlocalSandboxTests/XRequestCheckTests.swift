import Foundation
import GlocalSandbox
import Testing

/// What X refuses in a create, an upload or a look-up, and its rate-limit reset, each limit read from X's own documents
/// at test time: twitter-text's `validate.yml`, the OpenAPI request schemas and parameters, the rate-limit page.
@Suite struct XRequestCheckTests {
    static let token = "lumiere-us~access"

    /// The `text` and `valid` of every case of a `validate.yml` section (double-quoted YAML strings, whose escapes
    /// are JSON's in this file).
    static func validateCases(section: String) throws -> [(text: String, valid: Bool)] {
        let lines = try SpecFiles.text("x/twitter-text/validate.yml").components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  \(section):"), "section \(section)")
        var cases: [(text: String, valid: Bool)] = []
        var text: String?
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  "), !line.hasPrefix("   ") { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("text: \"") {
                let literal = Data(trimmed.dropFirst("text: ".count).utf8)
                text = try JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String
            } else if trimmed.hasPrefix("valid: "), let current = text {
                cases.append((current, trimmed == "valid: true"))
                text = nil
            }
        }
        return cases
    }

    static func upload(_ sandbox: SandboxCalls, token: String = token) async throws -> String {
        let answer = try await sandbox.call(
            "POST", "x/2/media/upload", token: token,
            raw: SandboxCalls.multipart(
                fields: [("media_category", "tweet_image")], file: ("media", "image/jpeg", Data([0xFF, 0xD8, 0xFF]))))
        return try #require((answer.object["data"] as? [String: Any])?["id"] as? String)
    }

    @Test func textIsHeldToTwitterTextsWeightedLength() async throws {
        let cases = try Self.validateCases(section: "WeightedTweetsWithDiscountedEmojiCounterTest")
        #expect(cases.count >= 20 && cases.contains { !$0.valid } && cases.contains { $0.valid })
        try await SandboxCalls.run { sandbox in
            for (index, test) in cases.enumerated() {
                let answer = try await sandbox.call("POST", "x/2/tweets", token: "case\(index)~t", json: ["text": test.text])
                #expect(answer.status == (test.valid ? 201 : 400), "case \(index): \(test.text.prefix(40))…")
            }
        }
    }

    @Test func mediaAloneIsAPostAndAtMostMaxItemsMedia() async throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        let request = try #require(spec.component("TweetCreateRequest"))
        #expect(request["required"] == nil, "text is optional")
        let media = try #require((request["properties"] as? [String: Any])?["media"] as? [String: Any])
        let mediaIDs = try #require((media["properties"] as? [String: Any])?["media_ids"] as? [String: Any])
        let maxItems = try #require(mediaIDs["maxItems"] as? Int)
        try await SandboxCalls.run { sandbox in
            var ids: [String] = []
            for _ in 0...maxItems { ids.append(try await Self.upload(sandbox)) }
            let alone = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["media": ["media_ids": [ids[0]]]])
            #expect(alone.status == 201)
            #expect(XAnswerTests.check(alone, "POST", "/2/tweets", in: spec) == [])
            let full = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token,
                json: ["text": "all of them", "media": ["media_ids": Array(ids.prefix(maxItems))]])
            #expect(full.status == 201)
            let over = try await sandbox.call(
                "POST", "x/2/tweets", token: Self.token, json: ["text": "one too many", "media": ["media_ids": ids]])
            #expect(over.status == 400)
            #expect(XAnswerTests.check(over, "POST", "/2/tweets", in: spec) == [])
        }
    }

    /// The one-shot upload's categories are xdk's `MediaCategoryOneShot` (`openapi.json` v2.167 lists videos and GIFs
    /// there too; glocal speaks xdk v2.159, where they go through initialize/append/finalize: XMediaUploadAnswerTests).
    @Test func uploadNeedsACategoryAndTakesBase64JSON() async throws {
        let spec = try OpenAPIChecker("x/openapi.json")
        let xdk = try OpenAPIChecker("x/xdk-latest-openapi.json")
        let request = try #require(xdk.component("MediaUploadRequestOneShot"))
        #expect((request["required"] as? [String])?.contains("media_category") == true)
        let category = try #require((request["properties"] as? [String: Any])?["media_category"] as? [String: Any])
        #expect(category["$ref"] as? String == "#/components/schemas/MediaCategoryOneShot")
        let categories = try #require(xdk.component("MediaCategoryOneShot")?["enum"] as? [String])
        let bytes = Data([0xFF, 0xD8, 0xFF, 0xE0])
        try await SandboxCalls.run { sandbox in
            for name in categories {
                let json = try await sandbox.call(
                    "POST", "x/2/media/upload", token: Self.token,
                    json: ["media": bytes.base64EncodedString(), "media_category": name])
                #expect(json.status == 200, "\(name)")
                #expect(XAnswerTests.check(json, "POST", "/2/media/upload", in: spec) == [])
                #expect((json.object["data"] as? [String: Any])?["size"] as? Int == bytes.count)
            }
            let missing = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                raw: SandboxCalls.multipart(fields: [], file: ("media", "image/jpeg", bytes)))
            #expect(missing.status == 400)
            let bogus = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                raw: SandboxCalls.multipart(fields: [("media_category", "bogus")], file: ("media", "image/jpeg", bytes)))
            #expect(bogus.status == 400)
            // The error is a Problem of xdk's `…api.twitter.com…` type (C1: openapi.json names another host).
            let older = try OpenAPIChecker("x/xdk-latest-openapi.json")
            #expect(XAnswerTests.check(bogus, "POST", "/2/media/upload", in: older) == [])
        }
    }

    @Test func theResetHeaderIsTheWindowsReset() async throws {
        let page = try SpecFiles.text("x/x-api_fundamentals_rate-limits.mdx")
        #expect(page.contains("x-rate-limit-reset") && page.contains("Unix timestamp when window resets"))
        try await SandboxCalls.run { sandbox in
            _ = await sandbox.state.setLimits(["x": 2])
            let first = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "one"])
            let reset = try #require(first.headers["x-rate-limit-reset"].flatMap { Int($0) })
            await sandbox.state.advance(by: 800)
            _ = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "two"])
            let limited = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "three"])
            #expect(limited.status == 429)
            #expect(limited.headers["x-rate-limit-reset"].flatMap { Int($0) } == reset, "the window's reset, not now + 15 min")
            await sandbox.state.setNow(Date(timeIntervalSince1970: TimeInterval(reset + 1)))
            let after = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "three"])
            #expect(after.status == 201)
        }
    }

    @Test func lookUpParametersFollowTheOpenAPI() async throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        let document = try #require(try SpecFiles.json("x/xdk-latest-openapi.json") as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        func parameter(_ path: String, _ name: String) throws -> [String: Any] {
            let get = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any])
            let all = try #require(get["parameters"] as? [[String: Any]])
            return try #require(all.first { $0["name"] as? String == name }?["schema"] as? [String: Any])
        }
        let ids = try parameter("/2/tweets", "ids")
        let maxResults = try parameter("/2/users/{id}/tweets", "max_results")
        let lowest = try #require(maxResults["minimum"] as? Int)
        let highest = try #require(maxResults["maximum"] as? Int)
        #expect(ids["minItems"] as? Int == 1)
        try await SandboxCalls.run { sandbox in
            let user = try #require(
                (try await sandbox.call("GET", "x/2/users/me", token: Self.token).object["data"] as? [String: Any])?["id"]
                    as? String)
            for path in ["x/2/tweets", "x/2/tweets?ids=abc", "x/2/tweets?ids=1,x"] {
                let answer = try await sandbox.call("GET", path, token: Self.token)
                #expect(answer.status == 400, "\(path)")
                #expect(XAnswerTests.check(answer, "GET", "/2/tweets", in: spec) == [])
            }
            for (count, status) in [(lowest - 1, 400), (lowest, 200), (highest, 200), (highest + 1, 400)] {
                let answer = try await sandbox.call("GET", "x/2/users/\(user)/tweets?max_results=\(count)", token: Self.token)
                #expect(answer.status == status, "max_results=\(count)")
                #expect(XAnswerTests.check(answer, "GET", "/2/users/{id}/tweets", in: spec) == [])
            }
        }
    }

    /// C2: the newer `openapi.json` requires `repost_count` and names `edit_history_post_ids`; neither schema forbids
    /// more properties, so the sandbox answers both names and satisfies both documents.
    @Test func fieldsOfBothOpenAPIVersionsAreAnswered() async throws {
        let newer = try OpenAPIChecker("x/openapi.json")
        let older = try OpenAPIChecker("x/xdk-latest-openapi.json")
        try await SandboxCalls.run { sandbox in
            let created = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "both names"])
            let data = try #require(created.object["data"] as? [String: Any])
            #expect(newer.problems(data, against: try #require(newer.component("CreatePostsResponseData"))) == [])
            #expect(data["edit_history_post_ids"] as? [String] == data["edit_history_tweet_ids"] as? [String])
            #expect(XAnswerTests.check(created, "POST", "/2/tweets", in: older) == [])
            let id = try #require(data["id"] as? String)
            let metrics = try await sandbox.call("GET", "x/2/tweets?ids=\(id)&tweet.fields=public_metrics", token: Self.token)
            let tweet = try #require((metrics.object["data"] as? [[String: Any]])?.first)
            let counts = try #require(tweet["public_metrics"])
            #expect(newer.problems(counts, against: try #require(newer.component("PostPublicMetrics"))) == [])
            #expect(XAnswerTests.check(metrics, "GET", "/2/tweets", in: older) == [])
        }
    }
}
