import Foundation
import GlocalCore
import Testing

/// A post held on its account past its slot plus the grace (a retry: past its retry time plus the grace) is missed,
/// its reason naming the hold (the global crisis pause among them); one that waits for nothing, or whose hold lifts in time, is not.
struct MissedSlotRuleTests {
    static let slot = Date(timeIntervalSince1970: 1_803_978_000)  // 2027-03-02T09:00:00Z
    let rule = MissedSlotRule(grace: 900)
    let free = AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: nil)

    func first(runAt: Date = slot) -> MissedSlotRule.Waiting {
        MissedSlotRule.Waiting(slot: Self.slot, runAt: runAt, attempt: 0, network: .x)
    }

    @Test func aFirstAttemptHeldByARateLimitPastItsGraceIsMissedNamingTheLimit() {
        let reset = Self.slot.addingTimeInterval(3_600)
        let holds = AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: reset)
        #expect(
            rule.missedReason(first(runAt: reset), holds: holds, globallyPaused: false, now: Self.slot.addingTimeInterval(900))
                == nil)
        #expect(
            rule.missedReason(first(runAt: reset), holds: holds, globallyPaused: false, now: Self.slot.addingTimeInterval(901))
                == "missed: rate-limited by X until 2027-03-02T10:00:00Z")
        // Still missed once the limit has lifted: it covered the deadline (a replay's clock jumps to the reset).
        #expect(rule.missedReason(first(runAt: reset), holds: holds, globallyPaused: false, now: reset) != nil)
    }

    @Test func aRateLimitThatLiftsWithinTheGraceMissesNothing() {
        let holds = AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: Self.slot.addingTimeInterval(600))
        #expect(rule.missedReason(first(), holds: holds, globallyPaused: false, now: Self.slot.addingTimeInterval(3_600)) == nil)
    }

    @Test func aReconnectAwaitedOrAPauseIsNamed() {
        let reconnect = AccountHolds(paused: false, needsReconnect: "token revoked", rateLimitedUntil: nil)
        let later = Self.slot.addingTimeInterval(37 * 3_600)
        #expect(
            rule.missedReason(first(), holds: reconnect, globallyPaused: false, now: later)
                == "missed: waiting for a reconnect of its account (token revoked)")
        let paused = AccountHolds(paused: true, needsReconnect: nil, rateLimitedUntil: nil)
        #expect(
            rule.missedReason(first(), holds: paused, globallyPaused: false, now: later)
                == "missed: its account was paused past its slot")
    }

    @Test func aRetryIsJudgedFromItsRetryTime() {
        let retryAt = Self.slot.addingTimeInterval(7_200)
        let retry = MissedSlotRule.Waiting(slot: Self.slot, runAt: retryAt, attempt: 2, network: .mastodon)
        let holds = AccountHolds(paused: false, needsReconnect: "token expired", rateLimitedUntil: nil)
        #expect(rule.deadline(of: retry) == retryAt.addingTimeInterval(900))
        #expect(rule.missedReason(retry, holds: holds, globallyPaused: false, now: retryAt.addingTimeInterval(900)) == nil)
        #expect(rule.missedReason(retry, holds: holds, globallyPaused: false, now: retryAt.addingTimeInterval(901)) != nil)
    }

    @Test func theGlobalCrisisPauseHoldsARetryAndAFirstAttemptLikeAnAccountsPause() {
        let retryAt = Self.slot.addingTimeInterval(7_200)
        let retry = MissedSlotRule.Waiting(slot: Self.slot, runAt: retryAt, attempt: 1, network: .linkedin)
        #expect(rule.missedReason(retry, holds: free, globallyPaused: true, now: retryAt.addingTimeInterval(900)) == nil)
        #expect(
            rule.missedReason(retry, holds: free, globallyPaused: true, now: retryAt.addingTimeInterval(901))
                == "missed: the global crisis pause held it past its slot")
        #expect(
            rule.missedReason(first(), holds: free, globallyPaused: true, now: Self.slot.addingTimeInterval(901))
                == MissedSlotRule.globalPauseReason)
        // Its account's own pause is named first: it holds on after the global pause lifts.
        let paused = AccountHolds(paused: true, needsReconnect: nil, rateLimitedUntil: nil)
        #expect(
            rule.missedReason(first(), holds: paused, globallyPaused: true, now: Self.slot.addingTimeInterval(901))
                == "missed: its account was paused past its slot")
    }

    @Test func aJobHeldByNothingIsNotJudgedHere() {
        #expect(rule.missedReason(first(), holds: free, globallyPaused: false, now: Self.slot.addingTimeInterval(86_400)) == nil)
    }
}
