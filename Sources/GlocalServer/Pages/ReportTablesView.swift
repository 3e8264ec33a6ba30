import Foundation
import GlocalCore

/// The long tables behind the report's charts (`/report?view=tables`): the period's posts, each
/// chart's numbers, and the all-time engagement tables of `glocal report`.
enum ReportTablesView {
    static func render(_ report: PeriodReport, allTime: EngagementReport) -> HTML {
        let zone = TimeZone(identifier: report.period.timeZone) ?? TimeZone(identifier: "UTC")!
        func local(_ date: Date?) -> String {
            guard let date else { return "–" }
            let instant = LocalInstant(instant: date, zone: zone)
            return "\(instant.date) \(instant.time)"
        }
        let postRows = report.posts.map { post -> [String] in
            [
                local(post.publishedAt), post.variantID, post.team, post.network.rawValue, post.locale,
                post.delay.map { String(Int($0.rounded())) } ?? "–", post.reach.map(ReportNumbers.count) ?? "–",
                post.engagement.map(ReportNumbers.count) ?? "–",
            ]
        }
        let heatRows = report.heatmap.map {
            [
                ReportCharts.weekdays[$0.weekday - 1], "\($0.hour):00", ReportNumbers.count($0.posts),
                ReportNumbers.count($0.engagement),
                ReportNumbers.count(Int($0.meanEngagement.rounded())),
            ]
        }
        return """
            <section class="report-section" aria-labelledby="network"><h2 id="network">Engagement by network</h2>\
            \(breakdown(report.byNetwork, key: "network"))</section>
            <section class="report-section" aria-labelledby="locale"><h2 id="locale">Engagement by locale</h2>\
            \(breakdown(report.byLocale, key: "locale"))</section>
            <section class="report-section" aria-labelledby="team"><h2 id="team">Engagement by team</h2>\
            \(breakdown(report.byTeam, key: "team"))</section>
            <section class="report-section" aria-labelledby="heatmap"><h2 id="heatmap">Engagement by weekday and hour</h2>\
            <p>Local time of each post's account.</p>\
            \(table(["weekday", "hour", "posts", "interactions", "per post"], heatRows, numeric: 2, label: "Engagement by weekday and hour"))</section>
            <section class="report-section" aria-labelledby="posts"><h2 id="posts">Posts published in the period</h2>\
            <p>Times in \(report.period.timeZone); delay is seconds from the slot to publication.</p>\
            \(table(["published", "variant", "team", "network", "locale", "delay (s)", "reach", "engagement"], postRows, numeric: 5, label: "Posts published in the period"))\
            </section>
            <section class="report-section" aria-labelledby="all-time"><h2 id="all-time">All-time tables (every post so far)</h2>
            \(Layout.scroller("All-time tables", class: "table-wrap all-time", HTML.prerendered(EngagementHTMLRenderer().body(allTime))))\
            </section>
            """
    }

    static func breakdown(_ slices: [ReportBreakdown], key: String) -> HTML {
        table(
            [key, "posts", "reach", "engagement", "engagement rate"],
            slices.map {
                [
                    $0.key, ReportNumbers.count($0.published), ReportNumbers.count($0.reach), ReportNumbers.count($0.engagement),
                    ReportNumbers.percent($0.engagementRate),
                ]
            }, numeric: 1, label: "Engagement by \(key)")
    }

    /// A table whose columns from `numeric` on are right-aligned numbers.
    static func table(_ header: [String], _ rows: [[String]], numeric: Int, label: String) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"none\">None in this period.</p>" }
        let head = HTML.joined(
            header.enumerated().map { index, name in
                index >= numeric ? "<th scope=\"col\" class=\"num\">\(name)</th>" : "<th scope=\"col\">\(name)</th>"
            })
        let body = HTML.joined(
            rows.map { row in
                let cells = HTML.joined(
                    row.enumerated().map { index, cell in
                        index >= numeric ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
                    })
                return "<tr>\(cells)</tr>\n"
            })
        return Layout.scroller(label, "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>")
    }
}
