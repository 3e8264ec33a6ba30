import Foundation
import GlocalCore
import Testing

struct TokenRefreshPolicyTests {
    let policy = TokenRefreshPolicy(ahead: 24 * 3600, baseBackoff: 300, maxBackoff: 6 * 3600)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aTokenIsRefreshedADayBeforeItExpires() {
        let expiry = now.addingTimeInterval(60 * 24 * 3600)
        #expect(policy.decide(expiresAt: expiry, now: now) == .wait(until: expiry.addingTimeInterval(-24 * 3600)))
        #expect(policy.decide(expiresAt: now.addingTimeInterval(23 * 3600), now: now) == .refresh)
        #expect(policy.decide(expiresAt: now.addingTimeInterval(-5), now: now) == .refresh)
    }

    @Test func aTokenWithoutExpiryNeedsNothing() {
        #expect(policy.decide(expiresAt: nil, now: now) == .never)
    }

    @Test func aShortLivedTokenIsRefreshedAtHalfItsLife() {
        let expiry = now.addingTimeInterval(7_200)
        #expect(policy.decide(expiresAt: expiry, lifetime: 7_200, now: now) == .wait(until: now.addingTimeInterval(3_600)))
    }

    @Test(arguments: [(1, 300.0), (2, 600.0), (3, 1_200.0), (8, 21_600.0), (50, 21_600.0)])
    func failedRefreshesBackOffDoublingUpToTheCap(failures: Int, wait: Double) {
        #expect(policy.backoff(afterFailures: failures) == wait)
    }

    @Test func aFailedRefreshWaitsForItsBackoff() {
        let expiry = now.addingTimeInterval(3_600)
        let failed = now.addingTimeInterval(-100)
        #expect(
            policy.decide(expiresAt: expiry, failures: 1, lastFailure: failed, now: now)
                == .wait(until: failed.addingTimeInterval(300)))
        #expect(policy.decide(expiresAt: expiry, failures: 1, lastFailure: now.addingTimeInterval(-301), now: now) == .refresh)
    }
}
