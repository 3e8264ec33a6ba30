import Foundation
import GlocalCore
import GlocalStore
import GlocalTestSupport
import GlocalYAML
import Testing

/// A manager moves an approved post of the example onto another X post's minute: the next plan re-times
/// nobody, the independent checker (Tests/e2e/schedule_check.py) finds nothing (a move is the manager's
/// decision: the spread rules do not bind it), and `glocal explain` says what the move broke, on both posts.
@Suite(.serialized) struct MovedSlotPlanTests {
    static let now = "2026-11-21T09:00:00Z"
    static let moveTime = try! Date(now, strategy: .iso8601)
    static let mover = "claire.martin@lumiere.example"

    @Test func aMoveOntoAnotherPostsMinutePushesNobody() throws {
        let scratch = try ScheduleCheckTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = ScheduleCheckTests.root
        let database = scratch.appendingPathComponent("plan.sqlite").path
        let (applied, _, applyErrors) = try GlocalProcess.run(
            ["apply", "--workspace", root.path, "--database", database, "--now", Self.now], in: scratch)
        #expect(applied == 0, "\(applyErrors)")

        // The first pair of the tips' first X posts where the move is allowed (no gap, cap or spacing refuses it).
        let workspace = try #require(WorkspaceLoader(root: root).load().workspace)
        let planned = VariantExpander(workspace: workspace).expand(
            try #require(workspace.campaigns.first { $0.id.value == "winter-skincare-tips" })
        ).variants
        let store = try SQLiteVariantStore(path: database)
        let stored = try store.allVariants()
        let check = SlotMoveCheck(scheduler: Scheduler(workspace: workspace))
        let siblings = SiblingGroups(workspace: workspace)
        let candidates = stored.filter {
            $0.campaignID == "winter-skincare-tips" && $0.postID == "cleanser" && $0.network == .x && $0.state == .approved
        }
        var found: (mover: StoredVariant, target: StoredVariant, slot: LocalInstant)? = nil
        search: for mover in candidates {
            let variant = try #require(planned.first { $0.id == mover.id })
            let zone = try #require(TimeZone(identifier: mover.timeZone))
            for target in candidates
            where !siblings.areSiblings(mover.accountID, target.accountID) && target.accountID != mover.accountID {
                let local = LocalInstant(instant: target.scheduledAt!, zone: zone)
                if case .success(let slot) = check.check(
                    variant, current: mover, to: local.date, at: local.time, others: stored, now: Self.moveTime)
                {
                    found = (mover, target, slot)
                    break search
                }
            }
        }
        let (moving, target, slot) = try #require(found)
        let request = SlotMoveRequest(
            id: moving.id, revision: VariantRevision(of: moving.contentHash), shownSlot: moving.scheduledAt, note: nil,
            actor: Self.mover)
        try store.move(request, around: slot.instant, now: Self.moveTime, permit: { _ in }) { current, _ in
            (
                slot,
                SlotMoveCheck.explanation(
                    after: current.explanation, actor: Self.mover, at: Self.moveTime, from: current.localTime, to: slot, note: nil
                )
            )
        }

        // The next plan changes nothing: the moved post stays, and the post it now shares a minute with keeps its slot.
        let (status, json, errors) = try GlocalProcess.run(
            ["plan", "--format", "json", "--workspace", root.path, "--database", database, "--now", Self.now], in: scratch)
        #expect(status == 0, "\(errors)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let summary = try #require(plan["summary"] as? [String: Int])
        #expect(summary["update"] == 0, "\(summary)")
        let file = scratch.appendingPathComponent("moved.json")
        try Data(json.utf8).write(to: file)
        let (checked, findings) = try ScheduleCheckTests.check(root, plan: file, now: Self.now)
        #expect(findings.isEmpty && checked == 0, "\(findings.prefix(10).joined(separator: "\n"))")

        let explain = { (id: String) throws -> String in
            let (status, output, errors) = try GlocalProcess.run(
                ["explain", id, "--workspace", root.path, "--database", database, "--now", Self.now], in: scratch)
            #expect(status == 0, "\(errors)")
            return output
        }
        let movedText = try explain(moving.id)
        #expect(
            movedText.contains(
                "  spread: not applied: moved by \(Self.mover) on 2026-11-21 09:00 UTC; it shares its minute with X post \(target.id) ("
            ), "\(movedText)")
        let otherText = try explain(target.id)
        #expect(
            otherText.contains("  spread: broken after it was placed — it shares its minute with X post \(moving.id) ("),
            "\(otherText)")
        #expect(otherText.contains("moved there by a person"), "\(otherText)")
    }
}
