import Foundation
import GlocalCore
import GlocalStore
import Synchronization
import Testing

/// `glocal plan`, `apply`, `explain` and `calendar` through the real binary, on a copy of the golden
/// base workspace and a real SQLite file.
@Suite struct PlanApplyTests {
    let now = "2026-11-21T09:00:00Z"

    func glocal(_ arguments: [String], in workspace: WorkspaceFixture) throws -> (Int32, String, String) {
        try GlocalProcess.run(arguments + ["--database", database(workspace), "--now", now], in: workspace.root)
    }

    func database(_ workspace: WorkspaceFixture) -> String { workspace.root.appendingPathComponent(".glocal/test.sqlite").path }

    @Test func secondApplyIsANoOp() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (planStatus, plan, _) = try glocal(["plan"], in: workspace)
        #expect(planStatus == 0, "\(plan)")
        #expect(plan.contains("Plan: 30 to create, 0 to update, 0 to cancel, 0 unchanged."))
        let (applyStatus, applied, _) = try glocal(["apply"], in: workspace)
        #expect(applyStatus == 0)
        #expect(applied.hasPrefix("Applied: 30 created"))
        let (_, again, _) = try glocal(["plan"], in: workspace)
        #expect(again.contains("Plan: 0 to create, 0 to update, 0 to cancel, 30 unchanged."))
        #expect(again.contains("Nothing to apply"))
        let (_, second, _) = try glocal(["apply"], in: workspace)
        #expect(second.contains("(0 variants written)"))
        let store = try SQLiteVariantStore(path: database(workspace))
        #expect(try store.allVariants().count == 30)
        #expect(try store.allVariants().allSatisfy { $0.state == .pendingApproval })
    }

    @Test func contentChangeSendsAnApprovedVariantBackToApproval() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try glocal(["apply"], in: workspace)
        let store = try SQLiteVariantStore(path: database(workspace))
        let id = "winter-tips/cleansing/lum-us-x"
        try store.setState(id, to: .approved, actor: "dana@lumiere.example", now: Date())
        try workspace.write(
            "locales/en.yaml", replacing: "Switch to a gentle, soap-free cleanser until spring.",
            with: "Switch to a gentle cleanser until spring.")
        let (_, plan, _) = try glocal(["plan"], in: workspace)
        #expect(plan.contains("~ \(id)  (approved → pending_approval)"))
        // What was there (-), then what replaces it (+).
        let removed = try #require(
            plan.range(of: "- Cold air dries skin out. Switch to a gentle, soap-free cleanser until spring."))
        let added = try #require(plan.range(of: "+ Cold air dries skin out. Switch to a gentle cleanser until spring."))
        #expect(removed.lowerBound < added.lowerBound, "\(plan)")
        _ = try glocal(["apply"], in: workspace)
        #expect(try store.variant(id)?.state == .pendingApproval)
        #expect(try store.variant(id)?.text.hasPrefix("Cold air dries skin out. Switch to a gentle cleanser") == true)
    }

    /// Two `apply` runs at once on an existing store, after a YAML change: however they interleave, each
    /// change is written once (the later one finds the store changed, plans again and writes nothing).
    /// The deterministic interleaving is RevisionAndGenerationTests.twoRacingAppliesWriteTheChangeOnce.
    @Test func twoConcurrentAppliesWriteEachChangeOnce() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try glocal(["apply"], in: workspace)
        try workspace.write(
            "locales/en.yaml", replacing: "Switch to a gentle, soap-free cleanser until spring.",
            with: "Switch to a gentle cleanser until spring.")
        let results = Mutex<[(Int32, String, String)]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = (try? glocal(["apply"], in: workspace)) ?? (-1, "", "")
            results.withLock { $0.append(result) }
        }
        let runs = results.withLock { $0 }
        #expect(runs.allSatisfy { $0.0 == 0 }, "\(runs.map(\.2))")
        let written = runs.compactMap { run in
            run.1.split(separator: "(").last.flatMap { Int($0.prefix { $0.isNumber }) }
        }
        let updates = try SQLiteVariantStore(path: database(workspace)).auditEvents().filter { $0.action == .update }
        #expect(!updates.isEmpty && written.reduce(0, +) == updates.count, "\(runs.map(\.1))")
        #expect(Set(updates.map(\.variantID)).count == updates.count)
    }

    @Test func removedPostCancelsItsUnpublishedVariantsAndLeavesPublishedOnesAlone() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try glocal(["apply"], in: workspace)
        let store = try SQLiteVariantStore(path: database(workspace))
        let published = "winter-tips/cleansing/lum-fr-x"
        for state in [VariantState.approved, .scheduled, .publishing, .published] {
            try store.setState(published, to: state, actor: "dispatcher", now: Date())
        }
        try workspace.write(
            "campaigns/winter-tips.yaml",
            replacing: """
                  - id: cleansing
                    day: 5
                    text: tips.cleansing
                    media: [assets/serum-4x5.png]
                """, with: "")
        let (_, plan, _) = try glocal(["plan"], in: workspace)
        #expect(plan.contains("- winter-tips/cleansing/lum-us-x  (pending_approval → cancelled"))
        #expect(!plan.contains("- \(published)"))
        _ = try glocal(["apply"], in: workspace)
        #expect(try store.variant("winter-tips/cleansing/lum-us-x")?.state == .cancelled)
        #expect(try store.variant(published)?.state == .published)
    }

    @Test func publishedVariantIsNeverAltered() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try glocal(["apply"], in: workspace)
        let store = try SQLiteVariantStore(path: database(workspace))
        let id = "winter-tips/cleansing/lum-us-x"
        for state in [VariantState.approved, .scheduled, .publishing, .published] {
            try store.setState(id, to: state, actor: "dispatcher", now: Date())
        }
        let before = try #require(try store.variant(id))
        try workspace.write("locales/en.yaml", replacing: "until spring.", with: "until March.")
        let (_, plan, _) = try glocal(["plan"], in: workspace)
        #expect(plan.contains("! \(id)  is published"))
        _ = try glocal(["apply"], in: workspace)
        #expect(try store.variant(id) == before)
    }

    @Test func explainSaysWhy() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, output, _) = try glocal(["explain", "hydra-launch/launch/lum-fr-x"], in: workspace)
        #expect(status == 0, "\(output)")
        #expect(output.contains("slot: Thu 2026-12-03 09:30 Europe/Paris (UTC+01:00) = 2026-12-03T08:30:00Z"))
        #expect(output.contains("explicit-time: at Thu 2026-12-03 09:30 Europe/Paris, as the post asks"))
        let (typo, _, error) = try glocal(["explain", "hydra-launch/launch/lum-fr-xx"], in: workspace)
        #expect(typo == 2)
        #expect(error.contains("did you mean 'hydra-launch/launch/lum-fr-x'?"))
    }

    @Test func calendarIsAValidICalendarFeed() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, feed, _) = try glocal(["calendar", "--account", "lum-fr-x", "--format", "ics"], in: workspace)
        #expect(status == 0)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        let events = feed.components(separatedBy: "BEGIN:VEVENT").count - 1
        #expect(events == 5)
        #expect(feed.contains("DTSTART:20261203T083000Z"))
        #expect(feed.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(feed.contains("STATUS:TENTATIVE"))
    }

    @Test func brokenWorkspaceIsNotPlanned() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        try workspace.write("campaigns/winter-tips.yaml", replacing: "day: 3", with: "day: 40")
        let (status, output, _) = try glocal(["plan"], in: workspace)
        #expect(status == 1)
        #expect(output.contains("error[window.invalid]"))
        #expect(output.contains("fix them (glocal validate) before planning"))
    }

    @Test func unreadableStoreIsAClearUsageError() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let path = workspace.root.appendingPathComponent("not-a-database.sqlite")
        try "not sqlite".write(to: path, atomically: true, encoding: .utf8)
        let (status, _, error) = try GlocalProcess.run(
            ["plan", "--database", path.path, "--now", now], in: workspace.root)
        #expect(status == 2)
        #expect(error.contains("glocal: error: cannot open the store \(path.path): SQLite error 26: file is not a database"))
    }
}
