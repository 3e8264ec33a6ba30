/// The engagement report as CSV (RFC 4180): one block per view, each with its own header row,
/// blocks separated by an empty line; numbers unformatted so a spreadsheet can sum them.
public struct EngagementCSVRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as CSV.
    public func render(_ report: EngagementReport) -> String {
        var blocks: [[[String]]] = []
        blocks.append(
            [["section", "campaign", "network", "locale", "account", "published", "measured", "engagement", "mean_engagement"]]
                + report.rows.map {
                    [
                        "engagement", $0.campaign, $0.network, $0.locale, $0.account, "\($0.published)", "\($0.measured)",
                        "\($0.engagement)",
                        $0.meanEngagement.map(Self.number) ?? "",
                    ]
                })
        blocks.append(
            [["section", "account", "week_ending", "posts", "promotional", "share", "over_limit"]]
                + report.promotionalShare.map {
                    [
                        "promotional_share", $0.account, $0.weekEnding, "\($0.posts)", "\($0.promotional)", Self.number($0.share),
                        $0.overLimit ? "1" : "0",
                    ]
                })
        blocks.append(
            [["section", "team", "approved", "median_hours", "max_hours"]]
                + report.approvals.map {
                    ["approvals", $0.team, "\($0.approved)", Self.number($0.medianHours), Self.number($0.maxHours)]
                })
        blocks.append(
            [["section", "network", "published", "on_time", "median_delay_seconds", "max_delay_seconds"]]
                + report.punctuality.map {
                    [
                        "punctuality", $0.network, "\($0.published)", "\($0.onTime)", Self.number($0.medianDelaySeconds),
                        Self.number($0.maxDelaySeconds),
                    ]
                })
        blocks.append(
            [["section", "network", "weekday", "hour", "posts", "mean_engagement"]]
                + report.heatmap.map {
                    ["heatmap", $0.network, "\($0.weekday)", "\($0.hour)", "\($0.posts)", Self.number($0.meanEngagement)]
                })
        blocks.append(
            [["section", "variant", "account", "network", "locale", "engagement", "score"]]
                + report.top.map { ["top"] + Self.ranked($0) } + report.bottom.map { ["bottom"] + Self.ranked($0) })
        blocks.append(
            [["section", "locale", "measured", "mean_engagement", "mean_score"]]
                + report.locales.map {
                    ["locale", $0.locale, "\($0.measured)", Self.number($0.meanEngagement), Self.number($0.meanScore)]
                })
        blocks.append(learnedTiming(report))
        return blocks.map { block in block.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined() }.joined(
            separator: "\r\n")
    }

    /// One row per account and best bucket (rank 1 first); an account without estimates gets one row
    /// without a bucket, and the lift over every account is the row of account `*`.
    private func learnedTiming(_ report: EngagementReport) -> [[String]] {
        func lift(_ value: EngagementReport.HoldoutLift) -> [String] {
            [
                "\(value.learnedPosts)", "\(value.holdoutPosts)", value.lift.map(Self.number) ?? "",
                value.low.map(Self.number) ?? "", value.high.map(Self.number) ?? "",
            ]
        }
        var rows = [
            [
                "section", "network", "account", "scored_posts", "rank", "weekday", "hour", "score", "uncertainty",
                "learned_posts",
                "holdout_posts", "holdout_lift", "lift_low", "lift_high",
            ]
        ]
        for row in report.learnedTiming {
            let head = ["learned_timing", row.network, row.account, "\(row.scoredPosts)"]
            if row.bestHours.isEmpty { rows.append(head + ["", "", "", "", ""] + lift(row.holdout)) }
            for (index, hour) in row.bestHours.enumerated() {
                rows.append(
                    head + [
                        "\(index + 1)", "\(hour.weekday)", "\(hour.hour)", Self.number(hour.score), Self.number(hour.uncertainty),
                    ]
                        + lift(row.holdout))
            }
        }
        if let overall = report.learnedTimingLift {
            rows.append(["learned_timing", "*", "*", "", "", "", "", "", ""] + lift(overall))
        }
        return rows
    }

    private static func ranked(_ item: EngagementReport.RankedVariant) -> [String] {
        [item.variant, item.account, item.network, item.locale, "\(item.engagement)", number(item.score)]
    }

    /// Up to six decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Quotes a field that holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
