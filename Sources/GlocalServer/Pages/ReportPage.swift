import Foundation
import GlocalCore
import GlocalStore

/// The engagement report in the web UI, limited to the accounts the user may see: a period and its
/// comparison with the one before, headline figures first, then charts; the long tables behind a
/// link (`?view=tables`) and a CSV download. Prints as a clean document (``ReportStylesheet``).
enum ReportPage {
    /// How the page says which zone its days are counted in.
    struct Zone {
        /// The IANA zone.
        var identifier: String
        /// Why this one: asked for, or the most common zone of the reader's accounts.
        var chosen: Bool
    }

    static func render(
        report: PeriodReport, query: ReportQuery, zone: Zone, campaigns: [String], allTime: EngagementReport?, session: Session
    ) -> HTML {
        let tablesLink = "/report" + query.string([("view", "tables")])
        let content: HTML
        if let allTime {
            content = """
                <p class="report-actions"><a href="/report\(query.string())">Back to the summary and charts</a> · \
                <a href="/report.csv\(query.string())" download>Download the period's posts (CSV)</a></p>
                \(ReportTablesView.render(report, allTime: allTime))
                """
        } else {
            content = """
                \(ReportFiguresView.render(report))
                <section class="report-charts" aria-labelledby="charts-title"><h2 id="charts-title">Where the engagement came from</h2>
                <div class="charts">
                \(ReportCharts.bars(id: "network", title: "Engagement by network", slices: report.byNetwork, tableLink: tablesLink))
                \(ReportCharts.bars(id: "locale", title: "Engagement by locale", slices: report.byLocale, tableLink: tablesLink))
                \(ReportCharts.bars(id: "team", title: "Engagement by team", slices: report.byTeam, tableLink: tablesLink))
                \(ReportCharts.heatmap(report.heatmap, tableLink: tablesLink))
                </div></section>
                \(definitions(report))
                """
        }
        let zoneWhy = zone.chosen ? "as asked" : "the time zone most of your accounts use"
        return Layout.page(
            title: allTime == nil ? "Engagement report" : "Engagement report: tables", session: session,
            """
            <link rel="stylesheet" href="/static/report.css"><script src="/static/report.js" defer></script>
            <div class="report">
            <h1>\(allTime == nil ? "Engagement report" : "Engagement report: tables")</h1>
            <p class="report-period" id="report-period"><strong>\(report.period.label)</strong>\
            \(query.campaign.map { ", campaign \($0)" } ?? ", all campaigns") · \
            days from midnight to midnight in <span id="report-zone">\(zone.identifier)</span> (\(zoneWhy)).</p>
            \(controls(report, query: query, zone: zone, campaigns: campaigns, tables: allTime != nil))
            \(allTime == nil ? actions(query, tablesLink: tablesLink) : .empty)
            \(content)
            </div>
            """)
    }

    static func controls(_ report: PeriodReport, query: ReportQuery, zone: Zone, campaigns: [String], tables: Bool) -> HTML {
        let presets = HTML.joined(
            ReportPeriodPreset.allCases.map { preset in
                let selected: HTML = preset == report.period.preset ? " selected" : .empty
                return "<option value=\"\(preset.rawValue)\"\(selected)>\(preset.label)</option>"
            })
        let options = HTML.joined(
            campaigns.map { id in
                let selected: HTML = id == query.campaign ? " selected" : .empty
                return "<option value=\"\(id)\"\(selected)>\(id)</option>"
            })
        let view: HTML = tables ? "<input type=\"hidden\" name=\"view\" value=\"tables\">" : .empty
        let timeZone: HTML = zone.chosen ? "<input type=\"hidden\" name=\"tz\" value=\"\(zone.identifier)\">" : .empty
        return """
            <form method="get" action="/report" class="report-controls" aria-label="Report period">\(view)\(timeZone)
            <div><label for="period">Period</label><select id="period" name="period">\(presets)</select></div>
            <div><label for="from">From (custom)</label><input type="date" id="from" name="from" value="\(report.period.first.description)"></div>
            <div><label for="to">To (custom)</label><input type="date" id="to" name="to" value="\(report.period.last.description)"></div>
            <div><label for="campaign">Campaign</label>
            <select id="campaign" name="campaign"><option value="">All campaigns</option>\(options)</select></div>
            <div><button type="submit">Show</button></div>
            </form>
            <p class="report-hint">The dates count when the period is "Custom dates"; the other periods end or start today.</p>
            """
    }

    static func actions(_ query: ReportQuery, tablesLink: String) -> HTML {
        """
        <p class="report-actions"><a href="\(tablesLink)">All tables</a> · \
        <a href="/report.csv\(query.string())" download>Download the period's posts (CSV)</a> · \
        <a href="/report.html\(query.campaign.map { "?campaign=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")" download>\
        All-time report as one HTML file</a> · print this page for a PDF</p>
        """
    }

    static func definitions(_ report: PeriodReport) -> HTML {
        let seconds = Int(report.punctualityTolerance.rounded())
        let noReach = report.byNetwork.filter { $0.reach == 0 }.map(\.key).sorted()
        return """
            <section class="report-section report-definitions" aria-labelledby="definitions"><h2 id="definitions">How these figures are counted</h2>
            <dl>
            <dt>Posts published</dt><dd>Posts that went out between the period's first midnight and its last.</dd>
            <dt>Reach</dt><dd>People reached as the network reports it at the latest reading (reach, else impressions, \
            else views); a network that reports none adds nothing to reach and is left out of the engagement rate\
            \(noReach.isEmpty ? "" : " (in this period: " + noReach.joined(separator: ", ") + ")").</dd>
            <dt>Engagement</dt><dd>Interactions at the latest reading: likes, comments, shares, saves, reposts; not views.</dd>
            <dt>Engagement rate</dt><dd>Interactions of the posts that have a reach, divided by that reach.</dd>
            <dt>Approvals on time</dt><dd>Variants approved in the period at or before their deadline (the slot minus the \
            campaign's approval deadline), over all variants approved in the period.</dd>
            <dt>Punctuality</dt><dd>Posts that went out at most \(seconds) seconds after their slot (as the dispatcher \
            recorded the publication; the same rule as <code>glocal report</code>), over the period's posts that had a slot.</dd>
            <dt>Comparison</dt><dd>With the \(report.period.days) days just before the period; "n/a" when nothing \
            happened then.</dd>
            </dl></section>
            """
    }
}
