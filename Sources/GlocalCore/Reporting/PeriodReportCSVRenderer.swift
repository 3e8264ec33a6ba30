import Foundation

/// The period's posts as CSV (RFC 4180, CRLF line ends), one row per published post, for a
/// spreadsheet. Safe to open in one: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'` so it is never read as a formula (numbers we write are left
/// as numbers: `-12` is not a formula).
public struct PeriodReportCSVRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The header row's columns.
    public static let columns = [
        "variant", "campaign", "account", "team", "network", "locale", "slot_utc", "published_utc", "delay_seconds",
        "punctual", "reach", "engagement",
    ]

    /// The posts of `report` as CSV.
    public func render(_ report: PeriodReport) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for post in report.posts {
            let delay = post.delay
            let cells: [String] = [
                text(post.variantID), text(post.campaignID), text(post.accountID), text(post.team), text(post.network.rawValue),
                text(post.locale), post.scheduledAt.map { $0.ISO8601Format() } ?? "",
                post.publishedAt.map { $0.ISO8601Format() } ?? "", delay.map { String(Int($0.rounded())) } ?? "",
                delay.map { $0 <= report.punctualityTolerance ? "yes" : "no" } ?? "", post.reach.map(String.init) ?? "",
                post.engagement.map(String.init) ?? "",
            ]
            lines.append(cells.joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// A text cell: defused if a spreadsheet would read it as a formula, then quoted if it holds a
    /// comma, a quote or a line break.
    public func text(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
        guard cell.unicodeScalars.contains(where: { [",", "\"", "\n", "\r"].contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
