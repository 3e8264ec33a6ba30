import ArgumentParser
import Foundation
import GlocalCore

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
        let result = try PlanPipeline(root: root, databasePath: options.databasePath(root: root), now: now, createsStore: true).run()
        if result.plan.diagnostics.contains(where: { $0.severity == .error }) {
            let text = TextDiagnosticRenderer(sources: result.sources).renderDiagnostics(result.plan.diagnostics)
            FileHandle.standardError.write(Data((text + "glocal: nothing applied: some variants cannot be scheduled\n").utf8))
            throw ExitCode(ExitStatus.failed)
        }
        let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "glocal"
        let changed: Int
        do {
            changed = try result.store.apply(result.plan, actor: who, now: now)
        } catch {
            throw CommandFailure(message: "nothing applied: \(PlanPipeline.describe(error))")
        }
        let plan = result.plan
        print("Applied: \(plan.count(.create)) created, \(plan.count(.update)) updated, \(plan.count(.cancel)) cancelled, \(plan.count(.keep)) unchanged (\(changed) variants written) to \(options.databasePath(root: root)).")
    }
}
