import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal plan`: what `apply` would create, change or cancel, compared with the store.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would create, change (with a content and time diff) or cancel, like a Terraform plan.")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    @Flag(help: "List every variant to create, not only a summary per campaign.")
    var detail = false

    @Flag(help: "Also print each account's calendar (text format).")
    var calendar = false

    @Option(help: "With --calendar: only this account.")
    var account: String?

    func run() throws {
        let result = try PlanPipeline(access: options.access(), now: options.instant()).run()
        var output: String
        switch format {
        case .json:
            output = PlanJSONRenderer().render(result.plan)
        case .text:
            output = TerminalText.safe(PlanTextRenderer(detailed: detail).render(result.plan))
            if !result.plan.diagnostics.isEmpty {
                output = TextDiagnosticRenderer(sources: result.sources).renderDiagnostics(result.plan.diagnostics) + output
            }
            if calendar {
                output += "\n" + TerminalText.safe(AccountCalendarRenderer().render(result.scheduled, account: account))
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if result.plan.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.failed) }
    }
}

/// Output formats of `glocal plan`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
