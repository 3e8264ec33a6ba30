import GlocalCore
import Testing

/// Who may take a running job: an expired lease alone is not enough, its holder must be gone too.
struct LeaseRescueRuleTests {
    @Test func aLeaseThatHasNotRunOutIsSparedWhateverElseHolds() {
        for alive in [false, true] {
            for me in [false, true] {
                for inFlight in [false, true] {
                    #expect(
                        LeaseRescueRule.decide(leaseExpired: false, holderAlive: alive, holderIsMe: me, inFlight: inFlight)
                            == .spare)
                }
            }
        }
    }

    @Test func anExpiredLeaseOfAnotherNodeThatIsAliveIsSpared() {
        #expect(LeaseRescueRule.decide(leaseExpired: true, holderAlive: true, holderIsMe: false, inFlight: false) == .spare)
    }

    @Test func anExpiredLeaseOfAnotherNodeThatIsGoneIsRescued() {
        #expect(LeaseRescueRule.decide(leaseExpired: true, holderAlive: false, holderIsMe: false, inFlight: false) == .rescue)
    }

    @Test func aPreviousIncarnationOfThisNodeIsRescuedByTheNodeItself() {
        // The restarted node holds the lock under the same id, so its holder looks alive: the in-flight set decides.
        #expect(LeaseRescueRule.decide(leaseExpired: true, holderAlive: true, holderIsMe: true, inFlight: false) == .rescue)
        #expect(LeaseRescueRule.decide(leaseExpired: true, holderAlive: false, holderIsMe: true, inFlight: false) == .rescue)
    }

    @Test func aJobThisNodeIsSendingIsNeverRescuedByIt() {
        #expect(LeaseRescueRule.decide(leaseExpired: true, holderAlive: true, holderIsMe: true, inFlight: true) == .spare)
    }
}
