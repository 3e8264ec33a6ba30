import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Testing

/// `apply`'s use case on the example workspace: it creates the store, writes the plan once, and a second
/// apply writes nothing.
struct PlanApplierTests {
    @Test func applyingTwiceWritesThePlanOnce() throws {
        let directory = try WorkspaceAccessTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("glocal.sqlite").path
        let access = WorkspaceAccess(root: WorkspaceAccessTests.repositoryRoot, databasePath: path, environment: [:])
        let now = try Date("2026-11-21T09:00:00Z", strategy: .iso8601)

        // Planning alone creates no store.
        let planned = try PlanPipeline(access: access, now: now).run()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(planned.plan.count(.create) > 0)

        let applier = PlanApplier(pipeline: PlanPipeline(access: access, now: now, createsStore: true))
        var replans = 0
        guard case .applied(let first, let written) = try applier.apply(actor: "test", replanning: { _, _ in replans += 1 })
        else {
            Issue.record("the example workspace's plan was not applied")
            return
        }
        #expect(written == first.plan.count(.create))
        #expect(first.plan.count(.create) == planned.plan.count(.create))
        #expect(try access.openStore(.existing).allVariants().count == written)
        guard case .applied(let second, let rewritten) = try applier.apply(actor: "test", replanning: { _, _ in replans += 1 })
        else {
            Issue.record("the second apply was not applied")
            return
        }
        #expect(rewritten == 0 && second.plan.count(.create) == 0)
        #expect(replans == 0)
    }
}
