import Foundation
import GlocalSandbox
import Testing

/// X's per-user limits as `x/x-api_fundamentals_rate-limits.mdx` tables them, read at test time: every answer of the
/// endpoints the sandbox serves carries `x-rate-limit-*` with the table's limit, and a spent window answers 429.
@Suite struct XRateLimitTests {
    static let token = "lumiere-us~access"

    /// The "Per User" limit per 15 minutes of `method endpoint` in the rate-limit tables.
    static func perUser(_ method: String, _ endpoint: String) throws -> Int {
        let row = try #require(
            try SpecFiles.text("x/x-api_fundamentals_rate-limits.mdx").components(separatedBy: "\n")
                .first { $0.hasPrefix("| \(method) | `\(endpoint)` |") }, "\(method) \(endpoint)")
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        let perUser = try #require(cells.count >= 4 ? cells[3] : nil)
        #expect(perUser.hasSuffix("/15min"))
        return try #require(Int(perUser.prefix { $0 != "/" }.replacingOccurrences(of: ",", with: "")))
    }

    @Test func everyAnswerCarriesItsEndpointsLimit() async throws {
        let page = try SpecFiles.text("x/x-api_fundamentals_response-codes-and-errors.mdx")
        #expect(page.contains("Every response includes rate limit information"))
        try await SandboxCalls.run { sandbox in
            let user = try #require(
                (try await sandbox.call("GET", "x/2/users/me", token: Self.token).object["data"] as? [String: Any])?["id"]
                    as? String)
            let upload = try await sandbox.call(
                "POST", "x/2/media/upload", token: Self.token,
                raw: SandboxCalls.multipart(fields: [("media_category", "tweet_image")], file: ("media", "image/jpeg", Data([1])))
            )
            let media = try #require((upload.object["data"] as? [String: Any])?["id"] as? String)
            let created = try await sandbox.call("POST", "x/2/tweets", token: Self.token, json: ["text": "counted"])
            let tweet = try #require((created.object["data"] as? [String: Any])?["id"] as? String)
            let calls: [(String, String, String, String, Any?)] = [
                ("GET", "/2/users/me", "x/2/users/me", "", nil),
                ("GET", "/2/users/:id/tweets", "x/2/users/\(user)/tweets?max_results=10", "", nil),
                ("GET", "/2/tweets", "x/2/tweets?ids=\(tweet)", "", nil),
                ("GET", "/2/tweets", "x/2/tweets?ids=abc", "a 400 too", nil),
                (
                    "POST", "/2/media/metadata", "x/2/media/metadata", "",
                    ["id": media, "metadata": ["alt_text": ["text": "Un flacon"]]] as [String: Any]
                ),
                ("POST", "/2/media/upload", "x/2/media/upload", "a 400 too", ["media_category": "tweet_image"] as [String: Any]),
                ("POST", "/2/tweets", "x/2/tweets", "a 400 too", ["text": ""] as [String: Any]),
                ("POST", "/2/tweets", "x/2/tweets", "a 400 too", ["text": "x", "tweet_mode": "extended"] as [String: Any]),
                ("DELETE", "/2/tweets/:id", "x/2/tweets/\(tweet)", "", nil),
            ]
            for (method, endpoint, path, note, body) in calls {
                let answer = try await sandbox.call(method, path, token: Self.token, json: body)
                #expect(answer.headers["x-rate-limit-limit"] == String(try Self.perUser(method, endpoint)), "\(path) \(note)")
                #expect(answer.headers["x-rate-limit-remaining"] != nil && answer.headers["x-rate-limit-reset"] != nil)
            }
        }
    }

    @Test func aSpentEndpointWindowAnswers429UntilItsReset() async throws {
        let limit = try Self.perUser("GET", "/2/users/me")
        try await SandboxCalls.run { sandbox in
            var reset: String?
            for _ in 0..<limit {
                let answer = try await sandbox.call("GET", "x/2/users/me", token: Self.token)
                #expect(answer.status == 200)
                reset = answer.headers["x-rate-limit-reset"]
            }
            let limited = try await sandbox.call("GET", "x/2/users/me", token: Self.token)
            #expect(limited.status == 429 && limited.headers["x-rate-limit-remaining"] == "0")
            #expect(limited.headers["x-rate-limit-reset"] == reset)
            #expect(XAnswerTests.check(limited, "GET", "/2/users/me", in: try OpenAPIChecker("x/xdk-latest-openapi.json")) == [])
            #expect(try await sandbox.call("GET", "x/2/tweets?ids=1", token: Self.token).status == 200, "another endpoint")
            await sandbox.state.setNow(Date(timeIntervalSince1970: TimeInterval(Int(reset ?? "") ?? 0)))
            #expect(try await sandbox.call("GET", "x/2/users/me", token: Self.token).status == 200)
        }
    }

    /// docs/networks.md's admin API: an injected `rate_limit` is "the network's throttling answer with a reset
    /// `seconds` ahead", on a metrics lookup (`GET /2/tweets`) as on `POST /2/tweets`: nothing remains until then.
    @Test func anInjectedRateLimitOnAReadSaysNothingRemainsUntilItsSeconds() async throws {
        try await SandboxCalls.run { sandbox in
            let now = await sandbox.state.now()
            await sandbox.state.inject(SandboxFault(network: "x", kind: .rateLimit, seconds: 60))
            let limited = try await sandbox.call("GET", "x/2/tweets?ids=1&tweet.fields=public_metrics", token: Self.token)
            #expect(limited.status == 429)
            #expect(limited.headers["x-rate-limit-remaining"] == "0")
            #expect(limited.headers["x-rate-limit-reset"] == String(Int(now.timeIntervalSince1970) + 60))
            #expect(limited.headers["x-rate-limit-limit"] == String(try Self.perUser("GET", "/2/tweets")))
            #expect(XAnswerTests.check(limited, "GET", "/2/tweets", in: try OpenAPIChecker("x/xdk-latest-openapi.json")) == [])
        }
    }
}
