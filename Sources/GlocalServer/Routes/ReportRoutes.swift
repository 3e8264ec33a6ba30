import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// The engagement report: the page (`/report`, `?view=tables` for the long tables), the period's
/// posts as CSV (`/report.csv`), the all-time report as one HTML file (`/report.html`) and the
/// report's stylesheet and script. Every answer covers only the accounts the reader may see.
struct ReportRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        router.get("/report") { request, context -> Response in
            let session = try guardian.session(context)
            let asked = try periodReport(request, session: session)
            var allTime: EngagementReport?
            if request.uri.queryParameters.get("view") == "tables" {
                let input = try EngagementReportLoader(store: environment.store, workspace: environment.workspace)
                    .input(variants: try visibleVariants(session), campaign: asked.query.campaign)
                allTime = EngagementReportBuilder().build(input)
            }
            return Layout.response(
                ReportPage.render(
                    report: asked.report, query: asked.query, zone: asked.zone, campaigns: asked.campaigns, allTime: allTime,
                    session: session))
        }
        router.get("/report.csv") { request, context -> Response in
            let session = try guardian.session(context)
            let asked = try periodReport(request, session: session)
            let period = asked.report.period
            let name =
                "glocal-report-\(period.first)-to-\(period.last)\(asked.query.campaign.map { "-" + Self.fileSafe($0) } ?? "").csv"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8; header=present",
                    .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(string: PeriodReportCSVRenderer().render(asked.report))))
        }
        router.get("/report.html") { request, context -> Response in
            let session = try guardian.session(context)
            let visible = try visibleVariants(session)
            let campaign = try campaign(request, among: Set(visible.map(\.campaignID)))
            let input = try EngagementReportLoader(store: environment.store, workspace: environment.workspace)
                .input(variants: visible, campaign: campaign)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"glocal-report.html\"",
                ],
                body: .init(
                    byteBuffer: ByteBuffer(string: EngagementHTMLRenderer().render(EngagementReportBuilder().build(input)))))
        }
        router.get("/static/report.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: ReportStylesheet.css)))
        }
        router.get("/static/report.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: ReportScript.source)))
        }
    }

    /// What one request for the period report asked, and its answer.
    struct Asked {
        var report: PeriodReport
        var query: ReportQuery
        var zone: ReportPage.Zone
        var campaigns: [String]
    }

    /// The period report the request asks for, over the variants the reader may see; a period or
    /// zone that does not parse is a 400 with the reason in plain words.
    private func periodReport(_ request: Request, session: Session) throws -> Asked {
        let parameters = request.uri.queryParameters
        let scope = environment.scope(of: session.user)
        let visible = try environment.store.reportFacts().filter { scope.canSee(account: $0.accountID) }
        let campaigns = Set(visible.map(\.campaignID))
        let campaign = try campaign(request, among: campaigns)
        let askedZone = parameters.get("tz").flatMap { $0.isEmpty ? nil : $0 }
        let zone = askedZone ?? ReportTimeZone.mostCommon(visible.map(\.timeZone))
        let period: ReportPeriod
        do {
            period = try ReportPeriod.resolve(
                period: parameters.get("period"), from: parameters.get("from"), to: parameters.get("to"), now: environment.now(),
                timeZone: zone)
        } catch {
            throw HTTPError(.badRequest, message: error.message)
        }
        let query = ReportQuery(
            period: period.preset.rawValue, from: period.preset == .custom ? period.first.description : nil,
            to: period.preset == .custom ? period.last.description : nil, timeZone: askedZone, campaign: campaign)
        let inReport = campaign.map { name in visible.filter { $0.campaignID == name } } ?? visible
        let (posts, approvals) = PeriodReportLoader(environment: environment).load(inReport)
        return Asked(
            report: PeriodReportBuilder().build(posts: posts, approvals: approvals, period: period), query: query,
            zone: ReportPage.Zone(identifier: zone, chosen: askedZone != nil),
            campaigns: campaigns.sorted())
    }

    private func visibleVariants(_ session: Session) throws -> [StoredVariant] {
        let scope = environment.scope(of: session.user)
        return try environment.store.allVariants().filter { scope.canSee(account: $0.accountID) }
    }

    /// The `campaign` query parameter, if given: 404 unless one of the reader's variants belongs to it.
    private func campaign(_ request: Request, among campaigns: Set<String>) throws -> String? {
        guard let asked = request.uri.queryParameters.get("campaign").flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        guard campaigns.contains(asked) else {
            throw HTTPError(.notFound, message: "No campaign '\(asked)' among the accounts you see.")
        }
        return asked
    }

    /// Letters, digits, `-` and `_` of `text`, for a file name.
    static func fileSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }.map(
                Character.init))
    }
}
