import Foundation
import Testing

@testable import GlocalCore

/// YouTube's quota as documented (*Quota calculator*): `videos.insert` and `search.list` in buckets of their own at 1
/// per call, 100 a day each; 10 000 units for the other methods at their costs; days from Pacific midnight.
@Suite struct YouTubeQuotaTests {
    @Test func theStandardProjectHasAHundredUploadsAHundredSearchesAndTenThousandUnits() {
        let quota = YouTubeQuota.standard
        #expect(quota.limit(of: .uploads) == 100)
        #expect(quota.limit(of: .searches) == 100)
        #expect(quota.limit(of: .units) == 10_000)
        #expect(YouTubeQuotaBucket.allCases.map(\.window) == ["youtube/uploads", "youtube/searches", "youtube/units"])
    }

    @Test(
        arguments: [
            ("videos.insert", YouTubeQuotaBucket.uploads, 1), ("search.list", .searches, 1), ("videos.list", .units, 1),
            ("thumbnails.set", .units, 50), ("videos.update", .units, 50), ("captions.insert", .units, 400),
        ] as [(String, YouTubeQuotaBucket, Int)])
    func eachMethodSpendsItsBucket(method: String, bucket: YouTubeQuotaBucket, cost: Int) {
        #expect(YouTubeQuotaCharge.of(method) == YouTubeQuotaCharge(bucket, cost))
    }

    @Test func aMethodOutsideTheTableHasNoCharge() {
        #expect(YouTubeQuotaCharge.of("videos.upload") == nil)
    }

    @Test func theQuotaDayStartsAtPacificMidnight() {
        // 2026-12-01 07:59:59 UTC is 23:59:59 on 2026-11-30 in Los Angeles (PST, UTC-8); a second later it is 2026-12-01.
        let beforeMidnight = Date(timeIntervalSince1970: 1_796_111_999)
        #expect(YouTubeQuota.day(of: beforeMidnight) == "2026-11-30")
        #expect(YouTubeQuota.day(of: beforeMidnight.addingTimeInterval(1)) == "2026-12-01")
    }
}
