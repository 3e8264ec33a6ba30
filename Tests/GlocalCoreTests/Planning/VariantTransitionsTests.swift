import GlocalCore
import Testing

/// The variant state machine, as a table: every pair of states is either allowed or refused.
struct VariantTransitionsTests {
    /// Every allowed move, by source state (docs/architecture.md).
    static let allowed: [VariantState: Set<VariantState>] = [
        .draft: [.pendingApproval, .approved, .cancelled],
        .pendingApproval: [.draft, .approved, .rejected, .cancelled],
        .approved: [.pendingApproval, .scheduled, .publishing, .cancelled, .missed],
        .scheduled: [.pendingApproval, .approved, .publishing, .cancelled, .missed, .failed],
        .publishing: [.published, .failed, .unknown, .scheduled],
        .unknown: [.published, .failed, .scheduled, .publishing],
        .rejected: [.pendingApproval],
        .missed: [.pendingApproval, .approved, .scheduled, .cancelled],
    ]

    @Test(arguments: VariantState.allCases)
    func eachStateAllowsExactlyItsTargets(from: VariantState) {
        let expected = Self.allowed[from] ?? []
        #expect(VariantTransitions.targets(from: from) == expected)
        for to in VariantState.allCases {
            #expect(VariantTransitions.allows(from, to) == expected.contains(to), "\(from.rawValue) → \(to.rawValue)")
            #expect(from.canMove(to: to) == expected.contains(to))
        }
    }

    @Test func publishedCancelledAndFailedAreDeadEnds() {
        for state in [VariantState.published, .cancelled, .failed] {
            #expect(VariantTransitions.targets(from: state).isEmpty)
        }
    }

    @Test func noStateMovesToItself() {
        for state in VariantState.allCases { #expect(!VariantTransitions.allows(state, state)) }
    }

    @Test func aPostThatMayBeOutIsNeverSentBackForApproval() {
        for state in VariantState.allCases where state.isPublishedOrInFlight {
            #expect(!VariantTransitions.allows(state, .pendingApproval))
            #expect(!VariantTransitions.allows(state, .approved))
            #expect(!VariantTransitions.allows(state, .cancelled))
        }
    }

    @Test func onlyTheQueueOrReconciliationStartsASend() {
        let senders = VariantState.allCases.filter { VariantTransitions.allows($0, .publishing) }
        #expect(Set(senders) == [.approved, .scheduled, .unknown])
    }
}
