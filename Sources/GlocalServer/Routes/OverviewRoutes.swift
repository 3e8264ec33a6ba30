import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// Campaign overviews, the report and the audit log (calendars: CalendarRoutes): read-only pages, scoped.
struct OverviewRoutes {
    let environment: ServerEnvironment
    static let auditLimit = 500

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        router.get("/campaigns") { _, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            var progress = try environment.store.campaignProgress(visible: scope.canSee(account:))
                .mapValues(CampaignProgress.init(counts:))
            // The list names every campaign whose overview opens: one of the workspace not applied yet too (0 / 0).
            for campaign in environment.workspace.campaigns where progress[campaign.id.value] == nil {
                let targeted = environment.workspace.accounts.filter(campaign.targets.selects).map(\.id.value)
                if CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: targeted, scope: scope) {
                    progress[campaign.id.value] = CampaignProgress(counts: [:])
                }
            }
            return Layout.response(CampaignPage.list(progress: progress, session: session))
        }
        router.get("/campaigns/:campaign") { _, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let campaign = try context.parameters.require("campaign")
            let variants = try environment.store.variants(campaign: campaign, visible: scope.canSee(account:))
            // A campaign none of whose accounts the user sees is answered as an unknown one: its name is not theirs to learn.
            let targeted = environment.workspace.campaigns.first { $0.id.value == campaign }.map { found in
                environment.workspace.accounts.filter(found.targets.selects).map(\.id.value)
            }
            guard CampaignVisibility.isVisible(visibleVariants: variants.count, targetedAccounts: targeted, scope: scope) else {
                throw HTTPError(.notFound, message: "No campaign '\(campaign)'.")
            }
            return Layout.response(CampaignPage.render(campaign: campaign, variants: variants, session: session))
        }
        router.get("/audit") { _, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let events = try environment.store.recentAuditEvents(limit: Self.auditLimit, visible: scope.canSee(account:))
            let accountEvents = try environment.store.recentAccountAuditEvents(
                limit: Self.auditLimit, visible: scope.canSee(account:))
            return Layout.response(
                AuditPage.render(
                    events: events, accountEvents: accountEvents, session: session, limit: Self.auditLimit,
                    networkOf: environment.network(ofVariant:)))
        }
    }
}
