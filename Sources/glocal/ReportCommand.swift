import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore
import GlocalYAML

/// `glocal report`: engagement, the 80/20 share, approval turnaround and punctuality.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report engagement by campaign × network × locale × account, the 80/20 share, approvals and punctuality.",
        discussion: "--format html writes one self-contained page (inline SVG charts) to send around.")

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
        let root = try options.root(currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let databasePath = options.databasePath(root: root)
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CommandFailure(message: "no store at \(databasePath): run `glocal apply` first")
        }
        let workspace = WorkspaceLoader(root: root).load().workspace
        let store = try SQLiteVariantStore(path: databasePath)
        let variants = try store.allVariants()
        if let campaign, !variants.contains(where: { $0.campaignID == campaign }) {
            let hint = Suggestion.closest(to: campaign, in: Array(Set(variants.map(\.campaignID)))).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandFailure(message: "no campaign '\(campaign)' in the store\(hint)")
        }
        let input = try ReportInputLoader(store: store, workspace: workspace).input(variants: variants, campaign: campaign)
        let report = EngagementReportBuilder().build(input)
        switch format {
        case .text: print(EngagementTextRenderer().render(report), terminator: "")
        case .csv: print(EngagementCSVRenderer().render(report), terminator: "")
        case .json: print(try EngagementJSONRenderer().render(report), terminator: "")
        case .html: print(EngagementHTMLRenderer().render(report), terminator: "")
        }
    }
}

/// Reads what the engagement report needs from the store (and the workspace's teams and policy).
struct ReportInputLoader {
    let store: SQLiteVariantStore
    let workspace: Workspace?

    func input(variants: [StoredVariant], campaign: String?) throws -> EngagementReportInput {
        let published = try store.metrics.publicationTimes()
        var latest: [String: Int] = [:]
        for sample in try store.metrics.samples() { latest[sample.variantID] = sample.engagement }  // checkpoint order: last is latest
        let posts = variants.map { variant in
            ReportPost(
                variantID: variant.id, campaignID: variant.campaignID, accountID: variant.accountID, network: variant.network,
                locale: variant.locale, kind: variant.kind, timeZone: variant.timeZone, scheduledAt: variant.scheduledAt,
                publishedAt: published[variant.id], engagement: latest[variant.id],
                counts: ![.cancelled, .rejected, .failed].contains(variant.state))
        }
        var requested: [String: Date] = [:]
        var approvals: [ApprovalRecord] = []
        let accounts = Dictionary(variants.map { ($0.id, $0.accountID) }, uniquingKeysWith: { a, _ in a })
        for event in try store.auditEvents() {
            if event.toState == .pendingApproval, requested[event.variantID] == nil { requested[event.variantID] = event.at }
            if event.toState == .approved, let start = requested.removeValue(forKey: event.variantID) {
                approvals.append(ApprovalRecord(
                    variantID: event.variantID, accountID: accounts[event.variantID] ?? "", requestedAt: start, approvedAt: event.at))
            }
        }
        let teams = (workspace?.settings.teams ?? []).map { (name: $0.id.value, accounts: $0.accountPatterns.map(\.value)) }
        let share = workspace?.settings.policy.promotionalShare
        return EngagementReportInput(
            posts: posts, approvals: approvals, teams: teams, campaign: campaign, promotionalShareMax: share?.maxShare ?? 0.2,
            promotionalWindowDays: (share?.window.seconds ?? 28 * 86_400) / 86_400)
    }
}
