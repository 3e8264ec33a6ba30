import Testing

@testable import GlocalCore

/// `glocal explain`'s spread line: which rule gave way, that they held (never a rule that is off), or not applied.
@Suite struct SpreadSummaryTests {
    @Test func heldNamesOnlyTheRulesThatAreOn() {
        var timing = TimingTable.standard
        let reasons = [ScheduleReason("stagger", "placed 3 min into the window")]
        #expect(
            SpreadSummary.of(reasons, timing: timing)
                == "held (sibling gap, one post per network and minute, fleet limit in any sliding bucket, network spacing)")
        timing.siblingGap = GlocalDuration(seconds: 0)
        let off = SpreadSummary.of(reasons, timing: timing)
        #expect(!off.contains("held (sibling gap"), "\(off)")
        #expect(off.hasSuffix("; sibling gap off (sibling_gap: 0m)"), "\(off)")
    }

    @Test func whatGaveWayIsSaidInOrder() {
        let reasons = [
            ScheduleReason("spread", "sibling-gap gave way: a"), ScheduleReason("network-spacing", "no slot keeps 30m …"),
            ScheduleReason("spread", "network-spacing gave way: b"),
        ]
        #expect(
            SpreadSummary.of(reasons, timing: .standard)
                == "gave way — sibling-gap gave way: a; network-spacing gave way: b")
    }

    @Test func anExplicitTimeOrALivePostIsNotSpread() {
        for rule in ["explicit-time", "live"] {
            #expect(SpreadSummary.of([ScheduleReason(rule, "x")], timing: .standard).hasPrefix("not applied"))
        }
    }
}
