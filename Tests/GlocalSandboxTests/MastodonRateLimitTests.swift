import Foundation
import GlocalSandbox
import Testing

/// Mastodon's per-account limits as `mastodon/rate-limits.md` states them, read at test time: every call carries
/// `X-RateLimit-*`, all endpoints share one window, media uploads have one of their own.
@Suite struct MastodonRateLimitTests {
    static let token = "lumiere-ca~access"

    /// The `(calls, minutes)` of the sentence under `heading` in the rate-limits page ("… 300 times within 5 minutes").
    static func limit(after heading: String) throws -> (calls: Int, minutes: Int) {
        let lines = try SpecFiles.text("mastodon/rate-limits.md").components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading), "\(heading)")
        let sentence = try #require(lines[(start + 1)...].first { $0.contains(" times within ") })
        let words = sentence.components(separatedBy: " ")
        let times = try #require(words.firstIndex(of: "times"))
        let within = try #require(words.firstIndex(of: "within"))
        return (try #require(Int(words[times - 1])), try #require(Int(words[within + 1])))
    }

    @Test func everyCallCarriesTheHeadersAndAllEndpointsShareOneWindow() async throws {
        let all = try Self.limit(after: "### Per account")
        try await SandboxCalls.run { sandbox in
            let first = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            #expect(first.headers["x-ratelimit-limit"] == String(all.calls))
            #expect(first.headers["x-ratelimit-remaining"] == String(all.calls - 1))
            let reset = try #require(first.headers["x-ratelimit-reset"])
            let expected = SandboxCalls.start.addingTimeInterval(TimeInterval(all.minutes * 60))
            let iso = ISO8601DateFormatter()
            iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            #expect(iso.date(from: reset) == expected, "\(reset)")
            _ = await sandbox.state.setLimits(["mastodon/all": 2])
            _ = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            let limited = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "x"])
            #expect(limited.status == 429)
            #expect(limited.object["error"] as? String == "Too many requests")
            #expect(limited.headers["x-ratelimit-remaining"] == "0")
            await sandbox.state.advance(by: TimeInterval(all.minutes * 60))
            #expect(
                try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "y"]).status == 200
            )
        }
    }

    @Test func mediaUploadsHaveAWindowOfTheirOwn() async throws {
        let media = try Self.limit(after: "#### Uploading media")
        try await SandboxCalls.run { sandbox in
            for index in 0...media.calls {
                let answer = try await sandbox.call(
                    "POST", "mastodon/api/v1/media", token: Self.token,
                    raw: SandboxCalls.multipart(fields: [], file: ("file", "image/png", Data([0x89, 0x50, UInt8(index % 256)]))))
                #expect(answer.status == (index < media.calls ? 200 : 429), "upload \(index + 1)")
            }
        }
    }

    @Test func theResetIsWrittenAsTheServerWritesIt() async throws {
        let note = try SpecFiles.text("mastodon/server-code/NOTE.txt")
        #expect(note.contains("X-RateLimit-Reset = (request_time + reset_period_offset).iso8601(6)"))
        let pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z$"
        try await SandboxCalls.run { sandbox in
            let plain = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            let status = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "a"])
            await sandbox.state.inject(SandboxFault(network: "mastodon", kind: .rateLimit, seconds: 90))
            let injected = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "b"])
            #expect(injected.status == 429)
            _ = await sandbox.state.setLimits(["mastodon/all": 1])
            let spent = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            #expect(spent.status == 429)
            for answer in [plain, status, injected, spent] {
                let reset = answer.headers["x-ratelimit-reset"] ?? ""
                #expect(reset.range(of: pattern, options: .regularExpression) != nil, "\(reset)")
            }
        }
    }
}
