import Foundation
import GlocalCore
import GlocalStore
import Testing

@testable import GlocalDispatch

/// Which accounts a round holds when it writes its outcomes: those a network answered 429 for, and
/// those whose post's answer said the quota is spent, each until the latest reset.
struct RoundLedgerTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)

    func waiting(_ id: Int64, account: String, _ resolution: JobResolution) -> RoundLedger.Waiting {
        let job = PublishJob(
            id: id, variantID: "c/p/\(id)", accountID: account, network: .x, state: .running, runAt: Self.now, slotAt: Self.now,
            attempt: 1, maxAttempts: 5, lockedBy: "w", leaseExpiresAt: Self.now.addingTimeInterval(60), lastError: nil)
        return RoundLedger.Waiting(
            job: job, resolution: resolution, report: JobReport(variantID: job.variantID, accountID: account, network: .x))
    }

    @Test func aSpentQuotaHoldsTheAccountLikeA429AndTheLatestResetWins() {
        let later = Self.now.addingTimeInterval(900)
        let batch = [
            waiting(
                1, account: "a",
                .published(PublishReceipt(remoteID: "1", quotaExhaustedUntil: Self.now.addingTimeInterval(300)))),
            waiting(
                2, account: "a",
                .retry(
                    at: Self.now.addingTimeInterval(120), reason: "rate-limited by X until 2026-12-01T09:02:00Z",
                    countsAsAttempt: false)),
            waiting(3, account: "b", .published(PublishReceipt(remoteID: "3", quotaExhaustedUntil: later))),
            waiting(4, account: "c", .published(PublishReceipt(remoteID: "4"))),
            waiting(5, account: "d", .retry(at: later, reason: "transient", countsAsAttempt: true)),
        ]
        #expect(RoundLedger.rateLimits(of: batch) == ["a": Self.now.addingTimeInterval(300), "b": later])
    }
}
