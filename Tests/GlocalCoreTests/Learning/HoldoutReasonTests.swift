import Foundation
import Testing

@testable import GlocalCore

/// docs/scheduling.md: "A holdout post says `holdout: …`" in `glocal explain`, also when its slot was kept from
/// a plan made before anything was learned (its reasons then never named the holdout).
struct HoldoutReasonTests {
    static let held = (0..<500).map { "hydra/post-\($0)/fr-x" }.first { Holdout.contains($0, share: Holdout.share) }!
    static let notHeld = (0..<500).map { "hydra/post-\($0)/fr-x" }.first { !Holdout.contains($0, share: Holdout.share) }!
    static let kept = [
        ScheduleReason("window", "tier A window Tue 10:00-12:00 for X"),
        ScheduleReason("kept", "the slot of the previous plan, Tue 2026-12-01 10:14 Europe/Paris, still obeys every rule"),
    ]

    @Test func aKeptHoldoutPostSaysItIsInTheHoldout() throws {
        let reason = try #require(Holdout.reason(for: Self.held, explanation: Self.kept, share: Holdout.share))
        #expect(reason.rule == "holdout")
        #expect(
            reason.detail
                == "this post is in the ~10 % holdout that measures what learned timing adds: the learner does not place it")
    }

    @Test func noSecondLineWhenTheReasonsSayItAndNoneOutsideTheHoldout() {
        let placed = Self.kept + [ScheduleReason("holdout", "placed by the default table, not by the learner: …")]
        #expect(Holdout.reason(for: Self.held, explanation: placed, share: Holdout.share) == nil)
        #expect(Holdout.reason(for: Self.notHeld, explanation: Self.kept, share: Holdout.share) == nil)
        #expect(Holdout.reason(for: Self.held, explanation: Self.kept, share: 0) == nil)
    }
}
