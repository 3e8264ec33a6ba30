import Foundation
import Testing

@testable import GlocalCore

@Suite struct EarlyReadingEvidenceTests {
    private static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A post of `account` in block `block` whose score is the hour's `value` plus `luck`, and whose first hour
    /// brought `share` of its `total` interactions (no early reading when `share` is nil).
    private static func post(_ account: String, _ index: Int, block: Int, score: Double, total: Double, share: Double?)
        -> EngagementObservation
    {
        EngagementObservation(
            variantID: "c/p\(index)/\(account)", accountID: account, network: .instagram,
            bucket: TimingBucket(weekday: 2, block: block), score: score,
            publishedAt: start.addingTimeInterval(Double(index) * 86_400), logEngagement: log(total + 1),
            earlyEngagement: share.map { ($0 * total).rounded() })
    }

    @Test func theShareIsReadOnlyFromEnoughInteractions() {
        let evidence = EarlyReadingEvidence(minimumInteractions: 5)
        #expect(evidence.share(early: 1, total: 4) == nil)
        #expect(evidence.share(early: -1, total: 40) == nil)
        #expect(evidence.share(early: 10, total: 40) == 0.25)
        // A first hour above the day (a reading taken from another counter) counts as the whole day.
        #expect(evidence.share(early: 50, total: 40) == 1)
    }

    @Test func scoresMoveTowardTheShareAndAwayFromThePostsLuck() {
        // Two accounts, two posts per block; the busier the hour (block 4 best, 8 worst), the higher its share.
        // Each post's luck is ±0.3 at 24 h; its share has none.
        let values: [Int: Double] = [4: 0.6, 5: 0.3, 6: 0, 7: -0.3, 8: -0.6]
        var items: [EngagementObservation] = []
        for (a, account) in ["a", "b"].enumerated() {
            for block in 4...8 {
                for (b, luck) in [0.3, -0.3].enumerated() {
                    items.append(
                        Self.post(
                            account, a * 100 + block * 2 + b, block: block, score: values[block]! + luck, total: 400,
                            share: 0.2 * exp(values[block]!)))
                }
            }
        }
        let combined = EarlyReadingEvidence(weight: 1).combine(items)
        #expect(combined.map(\.variantID) == items.map(\.variantID))
        for pair in stride(from: 0, to: items.count, by: 2) {
            let before = items[pair].score - items[pair + 1].score
            let after = combined[pair].score - combined[pair + 1].score
            #expect(abs(after) < 0.5 * abs(before), "posts \(items[pair].variantID): luck \(before) -> \(after)")
        }
        let means = (4...8).map { block in
            combined.filter { $0.accountID == "a" && $0.bucket.block == block }.map(\.score).reduce(0, +) / 2
        }
        #expect(means == means.sorted(by: >))
    }

    @Test func aPostWithoutAnEarlyReadingOrWithTooFewInteractionsKeepsItsScore() {
        let items = [
            Self.post("a", 1, block: 4, score: 0.6, total: 400, share: 0.3),
            Self.post("a", 2, block: 4, score: 0.2, total: 400, share: 0.3),
            Self.post("a", 3, block: 5, score: -0.2, total: 400, share: 0.1),
            Self.post("a", 4, block: 5, score: -0.6, total: 400, share: 0.1),
            Self.post("a", 5, block: 6, score: 0.9, total: 400, share: nil),
            Self.post("a", 6, block: 7, score: -0.7, total: 3, share: 0.5),
        ]
        let combined = EarlyReadingEvidence(weight: 1).combine(items)
        #expect(combined[4].score == 0.9 && combined[5].score == -0.7)
        #expect(combined[0].score != 0.6)
        #expect(EarlyReadingEvidence(weight: 0).combine(items) == items)
    }

    @Test func theEstimatorUsesTheEarlyReadingOnlyWhenAsked() {
        // Both accounts' audiences are busier in block 4 (twice the first hour's share). Account b's scores agree;
        // account a's posts were unlucky there at 24 h, so its scores alone put block 5 first.
        var items: [EngagementObservation] = []
        for (a, account) in ["a", "b"].enumerated() {
            for index in 0..<40 {
                let block = 4 + index % 2
                let luck = (index / 2) % 2 == 0 ? 0.8 : -0.8
                let score = (block == 4 ? 1.0 : -1.0) * (account == "a" ? -0.2 : 0.5) + luck
                items.append(
                    Self.post(account, a * 100 + index, block: block, score: score, total: 200, share: block == 4 ? 0.3 : 0.15))
            }
        }
        let now = Self.start.addingTimeInterval(101 * 86_400)
        let plain = LearnedTimingEstimator(accountCentred: false).bucketsOnly().estimate(items, table: .standard, now: now)
        let early = LearnedTimingEstimator(accountCentred: false, earlyReading: EarlyReadingEvidence(weight: 1)).bucketsOnly()
            .estimate(items, table: .standard, now: now)
        let bucket4 = TimingBucket(weekday: 2, block: 4), bucket5 = TimingBucket(weekday: 2, block: 5)
        let plainBuckets = plain.estimates(account: "a", network: .instagram)!.buckets
        let earlyBuckets = early.estimates(account: "a", network: .instagram)!.buckets
        #expect(plainBuckets[bucket4]!.mean < plainBuckets[bucket5]!.mean)
        #expect(earlyBuckets[bucket4]!.mean > earlyBuckets[bucket5]!.mean)
    }
}
