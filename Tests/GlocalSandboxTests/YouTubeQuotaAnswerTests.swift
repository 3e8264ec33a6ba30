import Foundation
import GlocalSandbox
import Testing

/// The sandbox spends YouTube's documented buckets per method: upload sessions from the `videos.insert` bucket, searches
/// from the `search.list` bucket, the rest from the 10 000 units (docs/networks.md, YouTube, Quota).
@Suite struct YouTubeQuotaAnswerTests {
    static func search(_ sandbox: SandboxCalls) async throws -> SandboxCalls.Answer {
        try await sandbox.call("GET", "youtube/youtube/v3/search?forMine=true&type=video&part=snippet", token: "yt~t")
    }

    static func videosList(_ sandbox: SandboxCalls) async throws -> SandboxCalls.Answer {
        try await sandbox.call("GET", "youtube/youtube/v3/videos?part=statistics&id=none", token: "yt~t")
    }

    @Test func aHundredUploadSessionsADayThenQuotaExceeded() async throws {
        try await SandboxCalls.run { sandbox in
            for number in 1...100 {
                let opened = try await VideoAnswerTests.openSession(sandbox, size: 10)
                guard opened.status == 200 else { Issue.record("session \(number) answered \(opened.status)"); return }
            }
            let refused = try await VideoAnswerTests.openSession(sandbox, size: 10)
            #expect(refused.status == 403)
            #expect(VideoAnswerTests.reason(refused) == "quotaExceeded")
            // The other buckets are untouched by the uploads.
            #expect(try await Self.search(sandbox).status == 200)
            #expect(try await Self.videosList(sandbox).status == 200)
        }
    }

    @Test func searchesHaveTheirOwnBucketAndOtherCallsSpendUnits() async throws {
        try await SandboxCalls.run { sandbox in
            let limits = try await sandbox.call("POST", "_sandbox/limits", json: ["youtube/searches": 2, "youtube/units": 3])
            #expect(limits.status == 200)
            #expect(try await Self.search(sandbox).status == 200)
            #expect(try await Self.search(sandbox).status == 200)
            let third = try await Self.search(sandbox)
            #expect(third.status == 403)
            #expect(VideoAnswerTests.reason(third) == "quotaExceeded")
            for _ in 0..<3 { #expect(try await Self.videosList(sandbox).status == 200) }
            #expect(try await Self.videosList(sandbox).status == 403)
            #expect(try await VideoAnswerTests.openSession(sandbox, size: 10).status == 200)
        }
    }

    @Test func limitsNameTheWindowsTheyKnow() async throws {
        try await SandboxCalls.run { sandbox in
            let old = try await sandbox.call("POST", "_sandbox/limits", json: ["youtube/quota": 100_000])
            #expect(old.status == 400)
            let error = try #require(old.object["error"] as? String)
            #expect(error.hasPrefix("unknown window youtube/quota; windows: "))
            #expect(error.contains("youtube/uploads") && error.contains("youtube/searches") && error.contains("youtube/units"))
            let set = try await sandbox.call("POST", "_sandbox/limits", json: ["youtube/uploads": 1])
            #expect(set.status == 200)
            #expect(set.object["youtube/uploads"] as? Int == 1)
            #expect(try await VideoAnswerTests.openSession(sandbox, size: 10).status == 200)
            #expect(try await VideoAnswerTests.openSession(sandbox, size: 10).status == 403)
        }
    }
}
