import ArgumentParser
import Foundation
import GlocalCore
import GlocalUseCases

/// `glocal calendar --account ID --format ics`: an account's posts as a calendar feed.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print an account's planned posts as an iCalendar feed (or text) that a local manager can subscribe to.")

    @Option(help: "The account id.")
    var account: String

    @Option(help: "Output format: ics or text.")
    var format: CalendarFormat = .ics

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let now = try options.instant()
        let result = try PlanPipeline(access: options.access(), now: now).run()
        guard result.workspace.accounts.contains(where: { $0.id.value == account }) else {
            let hint =
                Suggestion.closest(to: account, in: result.workspace.accounts.map(\.id.value)).map { " (did you mean '\($0)'?)" }
                ?? ""
            throw CommandFailure(message: "unknown account '\(account)'\(hint)")
        }
        switch format {
        case .text:
            print(TerminalText.safe(AccountCalendarRenderer().render(result.scheduled, account: account)), terminator: "")
        case .ics:
            var states: [String: VariantState] = [:]
            for change in result.plan.changes { states[change.id] = change.resultingState }
            let feed = ICalendarRenderer(workspace: result.workspace.settings.name.value)
                .render(result.scheduled, account: account, states: states, stamp: now)
            FileHandle.standardOutput.write(Data(feed.utf8))
        }
    }
}

/// Output formats of `glocal calendar`.
enum CalendarFormat: String, ExpressibleByArgument, CaseIterable {
    case ics, text
}
