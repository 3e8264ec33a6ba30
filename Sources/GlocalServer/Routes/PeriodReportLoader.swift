import Foundation
import GlocalCore
import GlocalStore

/// Reads what the period report needs from the store through its public queries: the variants the
/// reader may see, when each went out, its latest engagement reading (interactions and reach), and
/// each variant's latest approval with the deadline its campaign set.
struct PeriodReportLoader {
    let environment: ServerEnvironment

    /// The posts and approvals of `variants` (already limited to what the reader may see).
    func load(_ variants: [StoredVariant]) throws -> (posts: [PeriodPost], approvals: [PeriodApproval]) {
        let store = environment.store
        let published = try store.metrics.publicationTimes()
        var latest: [String: MetricSample] = [:]
        // Samples come in checkpoint order, so the last one per variant is the latest.
        for sample in try store.metrics.samples() { latest[sample.variantID] = sample }
        var teams: [String: String] = [:]
        let posts = variants.map { variant in
            let sample = latest[variant.id]
            return PeriodPost(
                variantID: variant.id, campaignID: variant.campaignID, accountID: variant.accountID,
                team: team(of: variant.accountID, cache: &teams), network: variant.network, locale: variant.locale,
                timeZone: variant.timeZone, scheduledAt: variant.scheduledAt, publishedAt: published[variant.id],
                engagement: sample?.engagement, reach: sample.flatMap { ReportReach.of($0.counters) })
        }
        let byID = Dictionary(variants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var approvedAt: [String: Date] = [:]
        for event in try store.auditEvents() where event.toState == .approved && byID[event.variantID] != nil {
            approvedAt[event.variantID] = event.at
        }
        let approvals = approvedAt.map { id, at in
            let variant = byID[id]!
            return PeriodApproval(
                variantID: id, approvedAt: at,
                deadline: environment.policy(of: variant.campaignID).deadline(forSlot: variant.scheduledAt))
        }
        return (posts, approvals)
    }

    /// The first team of `glocal.yaml` that covers `account`, by id.
    private func team(of account: String, cache: inout [String: String]) -> String {
        if let known = cache[account] { return known }
        let team =
            environment.workspace.settings.teams.first { team in
                team.accountPatterns.contains { GlobPattern.matches($0.value, account) }
            }?.id.value ?? "(no team)"
        cache[account] = team
        return team
    }
}
