import Foundation

/// The engagement report as one self-contained HTML page (inline CSS and SVG, no scripts, no
/// external assets) that a brand team can mail around, and that the web UI can embed: `render`
/// returns the whole page, `body` only the sections.
public struct EngagementHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The whole page.
    public func render(_ report: EngagementReport, title: String = "glocal engagement report") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title + (report.campaign.map { " — \($0)" } ?? "")))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>\(HTMLEscaping.escape(title))\(report.campaign.map { " — <code>\(HTMLEscaping.escape($0))</code>" } ?? "")</h1>
        \(body(report))
        </body>
        </html>

        """
    }

    /// The report's sections, for a page that has its own `<head>` (the web UI); needs ``style``.
    public func body(_ report: EngagementReport) -> String {
        let text = EngagementTextRenderer.self
        var html = "<section><h2>Engagement by local weekday × hour</h2>\n"
        let networks = Array(Set(report.heatmap.map(\.network))).sorted()
        if networks.isEmpty { html += "<p class=\"none\">No measured posts yet.</p>\n" }
        for network in networks { html += heatmap(network, cells: report.heatmap.filter { $0.network == network }) }
        html += "</section>\n<section><h2>Locales compared</h2>\n" + localeChart(report.locales)
        html += table(
            ["locale", "measured", "mean engagement", "mean score"],
            report.locales.map { [$0.locale, "\($0.measured)", text.number($0.meanEngagement), text.signed($0.meanScore)] })
        for (title, items) in [("Top variants", report.top), ("Bottom variants", report.bottom)] {
            html +=
                "</section>\n<section><h2>\(title)</h2>\n<p class=\"note\">Score: log of the post's engagement over its account's median (0 = usual).</p>\n"
            html += table(
                ["variant", "network", "locale", "engagement", "score"],
                items.map { [$0.variant, $0.network, $0.locale, "\($0.engagement)", text.signed($0.score)] })
        }
        html += "</section>\n<section><h2>Engagement by campaign × network × locale × account</h2>\n"
        html += table(
            ["campaign", "network", "locale", "account", "published", "measured", "engagement", "mean"],
            report.rows.map {
                [
                    $0.campaign, Self.networkLabel($0.network), $0.locale, $0.account, "\($0.published)", "\($0.measured)",
                    "\($0.engagement)",
                    $0.meanEngagement.map(text.number) ?? "–",
                ]
            })
        html += "</section>\n<section><h2>Promotional share (limit \(text.percent(report.promotionalShareMax)))</h2>\n"
        html += table(
            ["account", "week ending", "posts", "promotional", "share", "limit"],
            report.promotionalShare.map {
                [
                    $0.account, $0.weekEnding, "\($0.posts)", "\($0.promotional)", text.percent($0.share),
                    $0.overLimit ? "over the limit" : "",
                ]
            })
        html += "</section>\n<section><h2>Approval turnaround per team</h2>\n"
        html += table(
            ["team", "approved", "median hours", "max hours"],
            report.approvals.map { [$0.team, "\($0.approved)", text.number($0.medianHours), text.number($0.maxHours)] })
        html += "</section>\n<section><h2>Publishing punctuality</h2>\n"
        html += table(
            ["network", "published", "on time", "median delay (s)", "max delay (s)"],
            report.punctuality.map {
                [
                    Self.networkLabel($0.network), "\($0.published)", "\($0.onTime)", text.number($0.medianDelaySeconds),
                    text.number($0.maxDelaySeconds),
                ]
            })
        html += "</section>\n<section><h2>Learned timing per account</h2>\n"
        html += "<p class=\"note\">\(HTMLEscaping.escape(EngagementLearnedTimingText.note))</p>\n"
        html += "<p>\(HTMLEscaping.escape(EngagementLearnedTimingText.overall(report)))</p>\n"
        html += table(EngagementLearnedTimingText.header, EngagementLearnedTimingText.rows(report))
        return html + "</section>\n"
    }

    /// A network's name in the tables, "youtube (sent to webhook)" for a network without a native client: its
    /// "published" count is of posts handed to the webhook, not published on that network.
    static func networkLabel(_ network: String) -> String {
        guard let known = Network(rawValue: network), NetworkDelivery.of(known) == .webhook else { return network }
        return "\(network) (\(NetworkDelivery.webhook.sentLabel))"
    }

    /// A 7 × 24 grid; darker is more engagement (relative to the network's best cell).
    func heatmap(_ network: String, cells: [EngagementReport.HeatmapCell]) -> String {
        let cell = 22, left = 40, top = 20
        let best = max(cells.map(\.meanEngagement).max() ?? 1, 1e-9)
        var svg = "<figure><figcaption>\(HTMLEscaping.escape(network))</figcaption>\n"
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(left + 24 * cell)\" height=\"\(top + 7 * cell)\" "
        svg += "aria-label=\"\(HTMLEscaping.escape(network)) engagement by weekday and hour\">\n"
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += "<text x=\"\(left + hour * cell + 2)\" y=\"14\" class=\"axis\">\(hour)h</text>\n"
        }
        for day in 1...7 {
            svg += "<text x=\"0\" y=\"\(top + (day - 1) * cell + 15)\" class=\"axis\">\(Self.weekdays[day - 1])</text>\n"
            for hour in 0..<24 {
                let x = left + hour * cell, y = top + (day - 1) * cell
                if let found = cells.first(where: { $0.weekday == day && $0.hour == hour }) {
                    let opacity = String(format: "%.2f", 0.15 + 0.85 * found.meanEngagement / best)
                    svg +=
                        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"#1f6feb\" fill-opacity=\"\(opacity)\">"
                    svg +=
                        "<title>\(Self.weekdays[day - 1]) \(hour):00 — \(found.posts) post(s), mean \(EngagementTextRenderer.number(found.meanEngagement))</title></rect>\n"
                } else {
                    svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"#eee\"/>\n"
                }
            }
        }
        return svg + "</svg></figure>\n"
    }

    /// Horizontal bars of mean score around zero, one per locale.
    func localeChart(_ locales: [EngagementReport.LocaleSummary]) -> String {
        guard !locales.isEmpty else { return "" }
        let row = 22, label = 90, half = 160
        let scale = max(locales.map { abs($0.meanScore) }.max() ?? 1, 0.01)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(label + 2 * half + 60)\" height=\"\(locales.count * row + 4)\" "
        svg += "aria-label=\"mean score by locale\">\n"
        svg +=
            "<line x1=\"\(label + half)\" y1=\"0\" x2=\"\(label + half)\" y2=\"\(locales.count * row + 4)\" stroke=\"#999\"/>\n"
        for (index, locale) in locales.enumerated() {
            let y = index * row + 2
            let width = Int((abs(locale.meanScore) / scale * Double(half)).rounded())
            let x = locale.meanScore >= 0 ? label + half : label + half - width
            svg += "<text x=\"0\" y=\"\(y + 15)\" class=\"axis\">\(HTMLEscaping.escape(locale.locale))</text>\n"
            svg +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"\(row - 6)\" fill=\"\(locale.meanScore >= 0 ? "#2da44e" : "#cf222e")\"/>\n"
            svg +=
                "<text x=\"\(label + 2 * half + 6)\" y=\"\(y + 15)\" class=\"axis\">\(EngagementTextRenderer.signed(locale.meanScore))</text>\n"
        }
        return svg + "</svg>\n"
    }

    func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p class=\"none\">None.</p>\n" }
        var html =
            "<table><thead><tr>" + header.map { "<th scope=\"col\">\(HTMLEscaping.escape($0))</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(HTMLEscaping.escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</tbody></table>\n"
    }

    /// The page's CSS, for a host page that embeds ``body(_:)``.
    public static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1f2328}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}\
        table{border-collapse:collapse;margin:.5em 0}th,td{border-bottom:1px solid #d0d7de;padding:3px 10px;text-align:left}\
        th{background:#f6f8fa}figure{margin:1em 0}figcaption{font-weight:600}.axis{font-size:11px;fill:#57606a}\
        .none,.note{color:#57606a}
        """
}
