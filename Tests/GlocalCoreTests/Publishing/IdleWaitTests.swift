import Foundation
import GlocalCore
import Testing

/// An idle node's sleep after a round that started nothing.
struct IdleWaitTests {
    static let began = Date(timeIntervalSince1970: 1_796_115_600)

    @Test func aWakeUpAheadIsSleptUntilAtMostAPoll() {
        let now = Self.began.addingTimeInterval(0.2)
        let ahead = IdleWait.seconds(nextWake: now.addingTimeInterval(0.3), roundBegan: Self.began, now: now, poll: 1)
        #expect(abs(ahead - 0.3) < 1e-6)
        #expect(IdleWait.seconds(nextWake: now.addingTimeInterval(30), roundBegan: Self.began, now: now, poll: 1) == 1)
        #expect(IdleWait.seconds(nextWake: nil, roundBegan: Self.began, now: now, poll: 1) == 1)
    }

    @Test func aJobThatFellDueWhileTheRoundRanIsClaimedAtOnce() {
        let now = Self.began.addingTimeInterval(0.2)
        #expect(IdleWait.seconds(nextWake: Self.began.addingTimeInterval(0.1), roundBegan: Self.began, now: now, poll: 1) == 0)
        #expect(IdleWait.seconds(nextWake: now, roundBegan: Self.began, now: now, poll: 1) == 0)
        #expect(IdleWait.seconds(nextWake: Self.began, roundBegan: Self.began, now: now, poll: 1) == 0)
    }

    @Test func aJobDueBeforeTheRoundBeganYetNotClaimedIsHeldSoAFullPoll() {
        let now = Self.began.addingTimeInterval(0.2)
        #expect(IdleWait.seconds(nextWake: Self.began.addingTimeInterval(-0.001), roundBegan: Self.began, now: now, poll: 1) == 1)
        #expect(IdleWait.seconds(nextWake: Self.began.addingTimeInterval(-3_600), roundBegan: Self.began, now: now, poll: 5) == 5)
    }
}
