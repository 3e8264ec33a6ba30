import Foundation
import Testing

@testable import GlocalCore

@Suite struct EngagementScoreTests {
    @Test func totalCountsInteractionsNotExposure() {
        let counters = [
            "views": 1000, "likes": 80, "replies": 10, "reposts": 20, "impression_count": 5, "reach": 9,
            "total_interactions": 110,
        ]
        #expect(EngagementScore.total(counters) == 110)
        #expect(EngagementScore.total(["favourites_count": 3, "reblogs_count": 2, "replies_count": 1]) == 6)
    }

    @Test func logRatioToTheTrailingMedian() {
        #expect(EngagementScore.logRatio(engagement: 9, median: 9) == 0)
        #expect(abs(EngagementScore.logRatio(engagement: 19, median: 9) - log(2)) < 1e-12)
        #expect(EngagementScore.median([3, 1, 2]) == 2)
        #expect(EngagementScore.median([4, 1, 2, 3]) == 2.5)
        #expect(EngagementScore.median([]) == nil)
    }

    @Test func eachPostIsScoredAgainstTheAccountsEarlierPosts() {
        let bucket = TimingBucket(weekday: 2, block: 5)
        let records = [9.0, 19, 4, 29].enumerated().map { index, engagement in
            EngagementRecord(
                variantID: "c/p\(index)/a", accountID: "a", network: .x, bucket: bucket, engagement: engagement,
                publishedAt: Date(timeIntervalSince1970: Double(index) * 3600))
        }
        let scores = EngagementScore.scores(records)
        // The first post has no history; then medians 9, 14, 9.
        #expect(scores.map(\.variantID) == ["c/p1/a", "c/p2/a", "c/p3/a"])
        #expect(abs(scores[0].score - log(20.0 / 10)) < 1e-12)
        #expect(abs(scores[1].score - log(5.0 / 15)) < 1e-12)
        #expect(abs(scores[2].score - log(30.0 / 10)) < 1e-12)
    }
}
