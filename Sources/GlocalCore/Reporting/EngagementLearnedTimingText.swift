import Foundation

/// How the text and HTML reports word learned timing, so both say the same.
enum EngagementLearnedTimingText {
    /// The columns of the per-account table.
    static let header = ["network", "account", "scored posts", "best hours (score ± uncertainty)", "lift on the holdout"]

    /// The note above the table.
    static let note =
        "Best hours: the learner's best two-hour buckets in the account's local time, with the estimated score "
        + "(log ratio to the account's median) ± its standard deviation; \"no post there yet\": inferred from the "
        + "account's curve, its other hours. Lift: posts placed by the learner against "
        + "the ~\(Int((Holdout.share * 100).rounded())) % holdout placed by the default table, compared within each "
        + "account and 28-day period, with a 95 % interval."

    /// One row per account.
    static func rows(_ report: EngagementReport) -> [[String]] {
        report.learnedTiming.map { row in
            [
                row.network, row.account, "\(row.scoredPosts)",
                row.bestHours.map {
                    "\($0.label) \(signed($0.score)) ± \(String(format: "%.2f", $0.uncertainty))"
                        + ($0.posts == 0 ? " (no post there yet)" : "")
                }.joined(
                    separator: "; "),
                lift(row.holdout),
            ]
        }
    }

    /// `+5.2 % (−3.1 % … +14.2 %; 40 learned vs 5 holdout posts)`, or why there is none yet.
    static func lift(_ lift: EngagementReport.HoldoutLift) -> String {
        let counts = "\(lift.learnedPosts) learned vs \(lift.holdoutPosts) holdout posts"
        guard let value = lift.lift else { return "– (\(counts))" }
        guard let low = lift.low, let high = lift.high else { return "\(percent(value)) (\(counts))" }
        return "\(percent(value)) (\(percent(low)) … \(percent(high)); \(counts))"
    }

    /// The line over every account.
    static func overall(_ report: EngagementReport) -> String {
        "Lift measured on the holdout, every account: " + (report.learnedTimingLift.map(lift) ?? "– (no measured posts)")
    }

    static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }
    static func percent(_ value: Double) -> String { String(format: "%+.1f %%", value * 100) }
}
