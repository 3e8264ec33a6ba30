import Foundation
import GlocalCore

/// Reads what the engagement report needs from the store (and the workspace's teams and policy).
public struct EngagementReportLoader: Sendable {
    let store: any WorkspaceStore
    let workspace: Workspace?

    /// A loader reading `store`, with the teams and 80/20 policy of `workspace` (if it loads).
    public init(store: any WorkspaceStore, workspace: Workspace?) {
        self.store = store
        self.workspace = workspace
    }

    /// The report's input for `variants` (already filtered to what the reader may see), optionally one campaign;
    /// with `asOf`, only what was known at that instant (publications, readings and approvals up to it).
    public func input(variants: [StoredVariant], campaign: String?, asOf: Date? = nil) throws -> EngagementReportInput {
        let known: (Date) -> Bool = { date in asOf.map { date <= $0 } ?? true }
        let published = try store.metrics.publicationTimes().filter { known($0.value) }
        var latest: [String: Int] = [:]
        var scoring: [String: Int] = [:]
        let networks = Dictionary(variants.map { ($0.id, $0.network) }, uniquingKeysWith: { a, _ in a })
        let checkpoints = EngagementCheckpoints.standard
        // Samples come in checkpoint order, so the last one per variant is the latest.
        for sample in try store.metrics.samples(variant: nil) where known(sample.fetchedAt) {
            latest[sample.variantID] = sample.engagement
            if let network = networks[sample.variantID], sample.checkpoint == checkpoints.scoringCheckpoint(for: network) {
                scoring[sample.variantID] = sample.engagement
            }
        }
        let posts = variants.map { variant in
            ReportPost(
                variantID: variant.id, campaignID: variant.campaignID, accountID: variant.accountID, network: variant.network,
                locale: variant.locale, kind: variant.kind, timeZone: variant.timeZone, scheduledAt: variant.scheduledAt,
                publishedAt: published[variant.id], engagement: latest[variant.id],
                counts: ![.cancelled, .rejected, .failed].contains(variant.state), scoringEngagement: scoring[variant.id])
        }
        var requested: [String: Date] = [:]
        var approvals: [ApprovalRecord] = []
        let accounts = Dictionary(variants.map { ($0.id, $0.accountID) }, uniquingKeysWith: { a, _ in a })
        for event in try store.auditEvents(variant: nil) where known(event.at) {
            if event.toState == .pendingApproval, requested[event.variantID] == nil { requested[event.variantID] = event.at }
            if event.toState == .approved, let start = requested.removeValue(forKey: event.variantID) {
                approvals.append(
                    ApprovalRecord(
                        variantID: event.variantID, accountID: accounts[event.variantID] ?? "", requestedAt: start,
                        approvedAt: event.at))
            }
        }
        let teams = (workspace?.settings.teams ?? []).map { (name: $0.id.value, accounts: $0.accountPatterns.map(\.value)) }
        let share = workspace?.settings.policy.promotionalShare
        return EngagementReportInput(
            posts: posts, approvals: approvals, teams: teams, campaign: campaign, promotionalShareMax: share?.maxShare ?? 0.2,
            promotionalWindowDays: (share?.window.seconds ?? 28 * 86_400) / 86_400,
            timing: workspace?.settings.timing ?? .standard)
    }
}
