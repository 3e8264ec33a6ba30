import Foundation
import GlocalCore
import Testing

struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: 30, maxDelay: 600, jitter: 0.25)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [(1, 30.0), (2, 60.0), (3, 120.0), (5, 480.0), (6, 600.0), (40, 600.0)])
    func theDelayDoublesUpToTheCap(attempt: Int, nominal: Double) {
        #expect(policy.delay(afterAttempt: attempt, random: 0.5) == nominal)
        #expect(policy.delay(afterAttempt: attempt, random: 0) == nominal * 0.75)
        #expect(policy.delay(afterAttempt: attempt, random: 1) == nominal * 1.25)
    }

    @Test func theNetworksResetTimeWins() {
        let reset = now.addingTimeInterval(3_000)
        #expect(policy.nextRun(afterAttempt: 1, now: now, networkReset: reset, random: 0.5) == reset)
        // A reset already past is no reason to hammer the network: the backoff applies.
        #expect(
            policy.nextRun(afterAttempt: 1, now: now, networkReset: now.addingTimeInterval(-5), random: 0.5)
                == now.addingTimeInterval(30))
    }

    @Test func attemptsAreLimited() {
        #expect(policy.allowsAnotherAttempt(after: 4))
        #expect(!policy.allowsAnotherAttempt(after: 5))
    }
}
