import Foundation
import GlocalNetworks
import Testing

/// YouTube's and TikTok's answers as their references show them, mapped to outcomes; TikTok's chunk rules.
@Suite struct VideoClassifierTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01 09:00 UTC, 01:00 in Los Angeles

    static func google(_ status: Int, _ reason: String) -> Data {
        Data(#"{"error":{"code":\#(status),"message":"m","errors":[{"reason":"\#(reason)","domain":"d","message":"m"}]}}"#.utf8)
    }

    static func tiktok(_ code: String) -> Data {
        Data(#"{"data":{},"error":{"code":"\#(code)","message":"m","log_id":"x"}}"#.utf8)
    }

    @Test(
        arguments: [
            (403, "quotaExceeded", PublishOutcome.rateLimited(until: now.addingTimeInterval(23 * 3_600))),
            (400, "uploadLimitExceeded", .rateLimited(until: now.addingTimeInterval(23 * 3_600))),
            (403, "rateLimitExceeded", .rateLimited(until: nil)),
            (401, "authError", .reconnectRequired("YouTube refused the token: authError")),
            (400, "invalidTitle", .invalidContent("YouTube refused the video: invalidTitle: m")),
            (403, "forbidden", .permanent("YouTube forbids this: forbidden")),
            (503, "backendError", .transient("YouTube answered HTTP 503")),
        ] as [(Int, String, PublishOutcome)])
    func youtube(status: Int, reason: String, expected: PublishOutcome) {
        #expect(
            YouTubeResponseClassifier.classify(status: status, headers: [:], body: Self.google(status, reason), now: Self.now)
                == expected)
    }

    @Test func youtubeSuccessIsNil() {
        #expect(YouTubeResponseClassifier.classify(status: 200, headers: [:], body: Data("{}".utf8), now: Self.now) == nil)
    }

    @Test(
        arguments: [
            (401, "access_token_invalid", PublishOutcome.reconnectRequired("TikTok refused the token: access_token_invalid")),
            (429, "rate_limit_exceeded", .rateLimited(until: nil)),
            (403, "spam_risk_too_many_posts", .rateLimited(until: Date(timeIntervalSince1970: 1_796_169_600))),
            (
                403, "unaudited_client_can_only_post_to_private_accounts",
                .invalidContent("TikTok refused the post: unaudited_client_can_only_post_to_private_accounts: m")
            ),
            (403, "spam_risk_user_banned_from_posting", .permanent("TikTok forbids this: spam_risk_user_banned_from_posting: m")),
            (400, "invalid_params", .invalidContent("TikTok refused the post: invalid_params: m")),
            (500, "internal_error", .transient("TikTok answered HTTP 500")),
            // An error code in a 200 answer is still an error.
            (200, "access_token_invalid", .reconnectRequired("TikTok refused the token: access_token_invalid")),
        ] as [(Int, String, PublishOutcome)])
    func tiktok(status: Int, code: String, expected: PublishOutcome) {
        #expect(
            TikTokResponseClassifier.classify(status: status, headers: [:], body: Self.tiktok(code), now: Self.now) == expected)
    }

    @Test func tiktokOkAndUploadAnswersAreSuccess() {
        #expect(TikTokResponseClassifier.classify(status: 200, headers: [:], body: Self.tiktok("ok"), now: Self.now) == nil)
        #expect(TikTokResponseClassifier.classify(status: 206, headers: [:], body: Data(), now: Self.now) == nil)
        #expect(TikTokResponseClassifier.classify(status: 201, headers: [:], body: Data(), now: Self.now) == nil)
    }

    @Test(
        arguments: [
            // size, preferred chunk → chunk size, count, last chunk's range
            (1_000, 10_000_000, 1_000, 1, 0..<1_000),  // under 5 MB: whole
            (4_999_999, 10_000_000, 4_999_999, 1, 0..<4_999_999),
            (11_000_000, 5_000_000, 5_000_000, 2, 5_000_000..<11_000_000),  // floor(11/5) = 2, the last takes 6 MB
            (50_000_000, 10_000_000, 10_000_000, 5, 40_000_000..<50_000_000),
            (8_000_000, 1_000, 5_000_000, 1, 0..<8_000_000),  // preferred below 5 MB is raised to 5 MB; one chunk of 8 MB
            (200_000_000, 100_000_000, 64_000_000, 3, 128_000_000..<200_000_000),  // at most 64 MB; the last 72 MB
        ] as [(Int, Int, Int, Int, Range<Int>)])
    func tiktokChunkPlan(size: Int, preferred: Int, chunk: Int, count: Int, last: Range<Int>) {
        let plan = TikTokChunkPlan(videoSize: size, preferredChunk: preferred)
        #expect(plan.chunkSize == chunk)
        #expect(plan.chunkCount == count)
        #expect(plan.range(of: count - 1) == last)
        #expect(plan.chunk(startingAt: 0) == 0)
        #expect(plan.chunk(startingAt: 1) == nil)
    }
}
