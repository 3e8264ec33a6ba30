import Foundation
import GlocalCore
import GlocalStore

/// Turns the store's ``ReportFacts`` into the period report's posts and approvals: each account's
/// team from `glocal.yaml`, reach from the latest reading's counters, and each approval's deadline
/// from its campaign's approval policy.
struct PeriodReportLoader {
    let environment: ServerEnvironment

    /// The posts and approvals of `facts` (already limited to what the reader may see).
    func load(_ facts: [ReportFacts]) -> (posts: [PeriodPost], approvals: [PeriodApproval]) {
        var teams: [String: String] = [:]
        var posts: [PeriodPost] = []
        var approvals: [PeriodApproval] = []
        posts.reserveCapacity(facts.count)
        for fact in facts {
            posts.append(
                PeriodPost(
                    variantID: fact.variantID, campaignID: fact.campaignID, accountID: fact.accountID,
                    team: team(of: fact.accountID, cache: &teams), network: fact.network, locale: fact.locale,
                    timeZone: fact.timeZone, scheduledAt: fact.scheduledAt, publishedAt: fact.publishedAt,
                    engagement: fact.engagement, reach: fact.engagement == nil ? nil : ReportReach.of(fact.counters)))
            if let approvedAt = fact.approvedAt {
                approvals.append(
                    PeriodApproval(
                        variantID: fact.variantID, approvedAt: approvedAt,
                        deadline: environment.policy(of: fact.campaignID).deadline(forSlot: fact.scheduledAt)))
            }
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
