import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore

/// `glocal apply`: writes the plan into the store in one transaction.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the plan into the SQLite store in one transaction; a second apply changes nothing.")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Who applies, for the audit log (default: $USER).")
    var actor: String?

    func run() throws {
        let root = try options.root(currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let now = try options.instant()
        let pipeline = PlanPipeline(root: root, databasePath: options.databasePath(root: root), now: now, createsStore: true)
        let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "glocal"
        var result = try pipeline.run()
        var changed = 0
        // Another writer (an apply, a manager, the dispatcher publishing) may change the store while we plan:
        // plan again against the store as it is now, a few times, and write a plan only if it still holds.
        for attempt in 1...Self.maximumPlans {
            do {
                changed = try apply(result, actor: who, now: now, mayPlanAgain: attempt < Self.maximumPlans)
                break
            } catch VariantStoreError.storeChanged(let events, let actors) {
                let by = actors.isEmpty ? "" : " by \(actors.prefix(5).joined(separator: ", "))"
                let changes = "\(events) change\(events == 1 ? "" : "s")\(by)"
                let note = "glocal: the store changed while planning (\(changes)); planning again\n"
                FileHandle.standardError.write(Data(note.utf8))
                result = try pipeline.run()
            }
        }
        let plan = result.plan
        print(
            "Applied: \(plan.count(.create)) created, \(plan.count(.update)) updated, \(plan.count(.cancel)) cancelled, "
                + "\(plan.count(.keep)) unchanged (\(changed) variants written) to \(options.databasePath(root: root)).")
    }

    /// Plans computed before giving up when the store keeps changing (a busy dispatcher writes as it publishes).
    static let maximumPlans = 5

    /// Writes `result`'s plan if the store is still at the generation it was diffed against; a store
    /// change is rethrown when the caller `mayPlanAgain`; any other failure is a command failure.
    private func apply(_ result: PlanPipeline.Result, actor: String, now: Date, mayPlanAgain: Bool) throws -> Int {
        if result.plan.diagnostics.contains(where: { $0.severity == .error }) {
            let text = TextDiagnosticRenderer(sources: result.sources).renderDiagnostics(result.plan.diagnostics)
            FileHandle.standardError.write(Data((text + "glocal: nothing applied: some variants cannot be scheduled\n").utf8))
            throw ExitCode(ExitStatus.failed)
        }
        do {
            return try result.store.apply(result.plan, basedOn: result.generation, actor: actor, now: now)
        } catch let error as VariantStoreError {
            if case .storeChanged = error, mayPlanAgain { throw error }
            throw CommandFailure(message: "nothing applied: \(PlanPipeline.describe(error))")
        } catch {
            throw CommandFailure(message: "nothing applied: \(PlanPipeline.describe(error))")
        }
    }
}
