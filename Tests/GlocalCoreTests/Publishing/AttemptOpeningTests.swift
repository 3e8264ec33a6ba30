import GlocalCore
import Testing

/// How a claimed job starts, from its variant's state.
struct AttemptOpeningTests {
    @Test func aScheduledVariantIsSent() {
        #expect(AttemptOpening.opening(for: .scheduled) == .send)
    }

    @Test(arguments: [VariantState.publishing, .unknown])
    func aVariantThatMayBeOutIsLookedUpFirst(state: VariantState) {
        #expect(AttemptOpening.opening(for: state) == .reconcile)
    }

    @Test(arguments: [
        VariantState.draft, .pendingApproval, .approved, .published, .rejected, .cancelled, .failed, .missed,
    ])
    func anyOtherStateWithdrawsTheJobSayingWhy(state: VariantState) {
        #expect(AttemptOpening.opening(for: state) == .withdraw(reason: "variant is \(state.rawValue)"))
    }
}
