import Foundation
import GlocalCore
import GlocalStore

/// The engagement report in the web UI: the same report as `glocal report --format html`, limited
/// to the accounts the user may see.
enum ReportPage {
    static func render(report: EngagementReport, campaign: String?, campaigns: [String], session: Session) -> HTML {
        let options = campaigns.map { id -> HTML in
            id == campaign ? "<option value=\"\(id)\" selected>\(id)</option>" : "<option value=\"\(id)\">\(id)</option>"
        }
        let renderer = EngagementHTMLRenderer()
        return Layout.page(
            title: "Engagement report", session: session,
            """
            <h1>Engagement report</h1>
            <form method="get" action="/report" class="inline"><label for="campaign">Campaign</label>
            <select id="campaign" name="campaign"><option value="">All campaigns</option>\(options)</select>
            <button type="submit">Show</button></form>
            <p><a href="/report.html\(campaign.map { "?campaign=" + $0 } ?? "")" download>Download as one HTML file</a></p>
            <style>\(HTML.prerendered(EngagementHTMLRenderer.style))</style>
            \(HTML.prerendered(renderer.body(report)))
            """)
    }
}
