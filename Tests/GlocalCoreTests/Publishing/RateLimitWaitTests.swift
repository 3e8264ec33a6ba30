import Foundation
import GlocalCore
import Testing

/// A 429 waits for the network's reset when it gives one, and otherwise spends an attempt and backs off, so a bare
/// 429 is given up on after the attempt budget instead of being re-sent every 30 s for ever.
struct RateLimitWaitTests {
    static let now = Date(timeIntervalSince1970: 1_803_981_600)  // 2027-03-02T10:00:00Z
    let policy = RetryPolicy.standard

    @Test func aResetIsWaitedForWithoutSpendingAnAttemptAndNamedInUTC() {
        let reset = Self.now.addingTimeInterval(900)
        let wait = RateLimitWait.after(on: .x, attempt: 3, now: Self.now, networkReset: reset, policy: policy, random: 0.5)
        #expect(
            wait == RateLimitWait(until: reset, countsAsAttempt: false, reason: "rate-limited by X until 2027-03-02T10:15:00Z"))
        #expect(RateLimitWait.isRateLimit(wait.reason))
    }

    @Test func aBare429SpendsAnAttemptAndBacksOffUpToAnHour() {
        let waits = (1...8).map {
            RateLimitWait.after(on: .linkedin, attempt: $0, now: Self.now, networkReset: nil, policy: policy, random: 0.5)
        }
        #expect(waits.allSatisfy { $0.countsAsAttempt })
        let delays = waits.map { $0.until.timeIntervalSince(Self.now) }
        #expect(delays == [30, 60, 120, 240, 480, 960, 1_920, 3_600])
        #expect(
            waits[0].reason
                == "rate-limited by LinkedIn until 2027-03-02T10:00:30Z (no reset time given: backing off, attempt 1 of 8)")
        // The first 7 waits before the 8th and last attempt: about 63 minutes in all, not for ever.
        #expect(delays.prefix(7).reduce(0, +) == 3_810)
    }

    @Test func theLastBare429IsAFailureNotARetry() {
        let wait = RateLimitWait.after(on: .linkedin, attempt: 8, now: Self.now, networkReset: nil, policy: policy, random: 0.5)
        let settlement = JobSettlement.settling(
            .retry(at: wait.until, reason: wait.reason, countsAsAttempt: wait.countsAsAttempt), attempt: 8, runAt: Self.now,
            policy: policy)
        #expect(settlement.variantState == .failed)
        #expect(settlement.discardReason == "gave up after 8 attempts: \(wait.reason)")
    }

    @Test func aResetAlreadyPastIsTreatedAsNone() {
        let wait = RateLimitWait.after(
            on: .mastodon, attempt: 2, now: Self.now, networkReset: Self.now.addingTimeInterval(-5), policy: policy, random: 0.5)
        #expect(wait.countsAsAttempt && wait.until == Self.now.addingTimeInterval(60))
    }
}
