import GlocalCore
import Testing

/// The rescue of a job whose worker died, and the crash-loop stop.
struct RescuePolicyTests {
    let policy = RescuePolicy(maxRescues: 3)

    @Test func theStandardPolicyAllowsTenDeaths() {
        #expect(RescuePolicy.standard.maxRescues == 10)
    }

    @Test func aRescuedJobGoesBackCountingTheDeath() {
        #expect(
            policy.rescue(previousRescues: 0, variantState: .publishing)
                == .requeue(rescues: 1, reason: "lease expired: the worker stopped mid-attempt"))
        #expect(
            policy.rescue(previousRescues: 1, variantState: .unknown) == .requeue(rescues: 2, reason: RescuePolicy.leaseExpired))
    }

    @Test func theLastAllowedDeathIsACrashLoop() {
        let rescue = policy.rescue(previousRescues: 2, variantState: .publishing)
        #expect(
            rescue
                == .discard(
                    rescues: 3, reason: "the worker died 3 times holding this job (a crash loop?): check the account by hand",
                    variantTo: .unknown))
    }

    /// Maybe out (`publishing`, `unknown`): given up unknown. Still `scheduled`: it never left (a post is sent only
    /// once `publishing` is on disk), so `failed`. Either way a person is told; nothing is left silently waiting.
    @Test(arguments: [
        (VariantState.publishing, VariantState?.some(.unknown)), (.unknown, .unknown), (.scheduled, .failed),
        (.published, nil), (.cancelled, nil),
    ])
    func aCrashLoopLeavesTheVariantWhereAPersonLooks(state: VariantState, target: VariantState?) {
        guard case .discard(_, _, let variantTo) = policy.rescue(previousRescues: 5, variantState: state) else {
            Issue.record("a job past its rescues must be discarded")
            return
        }
        #expect(variantTo == target)
        if let variantTo, variantTo != state { #expect(state.canMove(to: variantTo)) }
    }

    @Test func anUnreadableVariantIsLeftAsItIs() {
        guard case .discard(_, _, let variantTo) = policy.rescue(previousRescues: 2, variantState: nil) else {
            Issue.record("a job past its rescues must be discarded")
            return
        }
        #expect(variantTo == nil)
    }
}
