import Foundation

/// The engagement report as plain text for a terminal.
public struct EngagementTextRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as text, one section per view.
    public func render(_ report: EngagementReport) -> String {
        var lines: [String] = ["Engagement report" + (report.campaign.map { " — campaign \($0)" } ?? "")]
        lines.append("")
        lines.append("Engagement by campaign × network × locale × account")
        lines.append(
            table(
                ["campaign", "network", "locale", "account", "published", "measured", "engagement", "mean"],
                report.rows.map {
                    [
                        $0.campaign, $0.network, $0.locale, $0.account, "\($0.published)", "\($0.measured)", "\($0.engagement)",
                        $0.meanEngagement.map(Self.number) ?? "-",
                    ]
                }))
        lines.append("")
        lines.append("Promotional share (rolling window, limit \(Self.percent(report.promotionalShareMax)))")
        lines.append(
            table(
                ["account", "week ending", "posts", "promotional", "share", ""],
                report.promotionalShare.map {
                    [
                        $0.account, $0.weekEnding, "\($0.posts)", "\($0.promotional)", Self.percent($0.share),
                        $0.overLimit ? "OVER" : "",
                    ]
                }))
        lines.append("")
        lines.append("Approval turnaround per team")
        lines.append(
            table(
                ["team", "approved", "median h", "max h"],
                report.approvals.map { [$0.team, "\($0.approved)", Self.number($0.medianHours), Self.number($0.maxHours)] }))
        lines.append("")
        lines.append("Publishing punctuality per network")
        lines.append(
            table(
                ["network", "published", "on time", "median delay s", "max delay s"],
                report.punctuality.map {
                    [
                        $0.network, "\($0.published)", "\($0.onTime)", Self.number($0.medianDelaySeconds),
                        Self.number($0.maxDelaySeconds),
                    ]
                }))
        lines.append("")
        lines.append("Engagement by local weekday × hour (mean interactions per post; · no post measured)")
        lines += heatmap(report.heatmap)
        for (title, items) in [("Top variants", report.top), ("Bottom variants", report.bottom)] {
            lines.append("")
            lines.append("\(title) (score = log of engagement over the account's median)")
            lines.append(
                table(
                    ["variant", "network", "locale", "engagement", "score"],
                    items.map { [$0.variant, $0.network, $0.locale, "\($0.engagement)", Self.signed($0.score)] }))
        }
        lines.append("")
        lines.append("Locales compared")
        lines.append(
            table(
                ["locale", "measured", "mean engagement", "mean score"],
                report.locales.map { [$0.locale, "\($0.measured)", Self.number($0.meanEngagement), Self.signed($0.meanScore)] }))
        lines.append("")
        lines.append("Learned timing per account")
        lines.append("  " + EngagementLearnedTimingText.overall(report))
        lines.append(table(EngagementLearnedTimingText.header, EngagementLearnedTimingText.rows(report)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One grid per network: a row per ISO weekday, a column per local hour that has posts on that network.
    func heatmap(_ cells: [EngagementReport.HeatmapCell]) -> [String] {
        guard !cells.isEmpty else { return ["  (none)"] }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var lines: [String] = []
        for network in Set(cells.map(\.network)).sorted() {
            let mine = cells.filter { $0.network == network }
            let hours = Set(mine.map(\.hour)).sorted()
            var byPlace: [Int: String] = [:]
            for cell in mine { byPlace[cell.weekday * 24 + cell.hour] = String(Int(cell.meanEngagement.rounded())) }
            let width = max(2, byPlace.values.map(\.count).max() ?? 2)
            func cell(_ text: String) -> String { String(repeating: " ", count: width - text.count) + text }
            lines.append(
                "  " + network.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + hours.map { cell(String(format: "%02d", $0)) }.joined(separator: " "))
            for weekday in 1...7 {
                lines.append(
                    "  " + days[weekday - 1].padding(toLength: 9, withPad: " ", startingAt: 0)
                        + hours.map { cell(byPlace[weekday * 24 + $0] ?? "·") }.joined(separator: " "))
            }
        }
        return lines
    }

    /// Left-aligned columns, two spaces apart; "(none)" for an empty table.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "  (none)" }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            "  "
                + row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    /// `12.5`, two decimals at most, no trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `+0.69`.
    static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }

    /// `25%`, one decimal when needed.
    static func percent(_ value: Double) -> String { number(value * 100) + "%" }
}
