import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal apply`: writes the plan into the store in one transaction.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the plan into the store in one transaction; a second apply changes nothing.")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Who applies, for the audit log (default: $USER).")
    var actor: String?

    func run() throws {
        let access = try options.access()
        let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "glocal"
        let applier = PlanApplier(pipeline: PlanPipeline(access: access, now: try options.instant(), createsStore: true))
        let outcome = try applier.apply(actor: who) { events, actors in
            let by = actors.isEmpty ? "" : " by \(actors.prefix(5).joined(separator: ", "))"
            let changes = "\(events) change\(events == 1 ? "" : "s")\(by)"
            FileHandle.standardError.write(Data("glocal: the store changed while planning (\(changes)); planning again\n".utf8))
        }
        switch outcome {
        case .unschedulable(let result):
            let text = TextDiagnosticRenderer(sources: result.sources).renderDiagnostics(result.plan.diagnostics)
            FileHandle.standardError.write(Data((text + "glocal: nothing applied: some variants cannot be scheduled\n").utf8))
            throw ExitCode(ExitStatus.failed)
        case .applied(let result, let changed):
            let plan = result.plan
            print(
                "Applied: \(plan.count(.create)) created, \(plan.count(.update)) updated, \(plan.count(.cancel)) cancelled, "
                    + "\(plan.count(.keep)) unchanged (\(changed) variants written) to \(access.storeDescription).")
        }
    }
}
