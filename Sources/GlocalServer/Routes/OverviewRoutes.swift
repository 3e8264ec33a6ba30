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
            let counts = try environment.store.campaignProgress(visible: scope.canSee(account:))
            let progress = counts.mapValues(CampaignProgress.init(counts:))
            return Layout.response(CampaignPage.list(progress: progress, session: session))
        }
        router.get("/campaigns/:campaign") { _, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let campaign = try context.parameters.require("campaign")
            let variants = try environment.store.variants(campaign: campaign, visible: scope.canSee(account:))
            if variants.isEmpty, !environment.workspace.campaigns.contains(where: { $0.id.value == campaign }) {
                throw HTTPError(.notFound, message: "No campaign '\(campaign)'.")
            }
            return Layout.response(CampaignPage.render(campaign: campaign, variants: variants, session: session))
        }
        router.get("/report") { request, context -> Response in
            let session = try guardian.session(context)
            let (report, campaign, campaigns) = try engagementReport(request, session: session)
            return Layout.response(ReportPage.render(report: report, campaign: campaign, campaigns: campaigns, session: session))
        }
        router.get("/report.html") { request, context -> Response in
            let session = try guardian.session(context)
            let (report, _, _) = try engagementReport(request, session: session)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"glocal-report.html\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: EngagementHTMLRenderer().render(report))))
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

    /// The engagement report over the variants `session`'s user may see, for the `campaign` query
    /// parameter if given; with the campaigns to choose from.
    private func engagementReport(_ request: Request, session: Session) throws -> (EngagementReport, String?, [String]) {
        let scope = environment.scope(of: session.user)
        let visible = try environment.store.allVariants().filter { scope.canSee(account: $0.accountID) }
        let campaigns = Array(Set(visible.map(\.campaignID))).sorted()
        let asked = request.uri.queryParameters.get("campaign").flatMap { $0.isEmpty ? nil : $0 }
        let campaign = asked.flatMap { campaigns.contains($0) ? $0 : nil }
        if asked != nil, campaign == nil {
            throw HTTPError(.notFound, message: "No campaign '\(asked!)' among the accounts you see.")
        }
        let input = try EngagementReportLoader(store: environment.store, workspace: environment.workspace)
            .input(variants: visible, campaign: campaign)
        return (EngagementReportBuilder().build(input), campaign, campaigns)
    }
}
