import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases

/// `glocal report`: engagement, the 80/20 share, approval turnaround and punctuality.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report engagement by campaign × network × locale × account, the 80/20 share, approvals and punctuality.",
        discussion: """
            --format html writes one self-contained page (inline SVG charts) to send around. --now reports what was \
            known at that instant: publications, readings and approvals up to it.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, html
    }

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Only this campaign.")
    var campaign: String?

    @Option(help: "text, csv, json or html.")
    var format: Format = .text

    func run() throws {
        // `--now`: the report as it stood at that instant (an invalid value is refused, as every command refuses it).
        let asOf = try options.now.map { _ in try options.instant() }
        let access = try options.access()
        let store = try access.openStore(.existing)
        let workspace = access.workspaceIfReadable()
        let variants = try store.allVariants()
        if let campaign, !variants.contains(where: { $0.campaignID == campaign }) {
            let hint =
                Suggestion.closest(to: campaign, in: Array(Set(variants.map(\.campaignID)))).map { " (did you mean '\($0)'?)" }
                ?? ""
            throw CommandFailure(message: "no campaign '\(campaign)' in the store\(hint)")
        }
        let input = try EngagementReportLoader(store: store, workspace: workspace).input(
            variants: variants, campaign: campaign, asOf: asOf)
        let report = EngagementReportBuilder().build(input)
        switch format {
        case .text: print(TerminalText.safe(EngagementTextRenderer().render(report)), terminator: "")
        case .csv: print(EngagementCSVRenderer().render(report), terminator: "")
        case .json: print(try EngagementJSONRenderer().render(report), terminator: "")
        case .html: print(EngagementHTMLRenderer().render(report), terminator: "")
        }
    }
}
