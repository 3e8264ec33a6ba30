import GlocalCore

/// The headline figures, first on the report: each with its value, what it counts, and its change
/// since the previous period (sign and arrow in words, never colour alone).
enum ReportFiguresView {
    static func render(_ report: PeriodReport) -> HTML {
        let now = report.figures, before = report.previousFigures
        let hasData = before.hasData
        func count(_ value: KeyPath<ReportFigures, Int>) -> ReportDelta {
            .between(Double(now[keyPath: value]), Double(before[keyPath: value]), previousHasData: hasData)
        }
        func share(_ value: KeyPath<ReportFigures, Double?>) -> ReportDelta {
            .between(now[keyPath: value], before[keyPath: value], previousHasData: hasData)
        }
        let seconds = Int(report.punctualityTolerance.rounded())
        let tolerance = seconds < 120 ? "\(seconds) s" : "\(seconds / 60) min"
        let cards: [HTML] = [
            card(
                "posts", "Posts published", ReportNumbers.count(now.published), "went out in the period",
                ReportNumbers.countDelta(count(\.published)), count(\.published)),
            card(
                "reach", "Reach", ReportNumbers.count(now.reach),
                "people reached, over the \(ReportNumbers.count(now.withReach)) of \(ReportNumbers.count(now.measured)) "
                    + "measured posts whose network reports reach",
                ReportNumbers.countDelta(count(\.reach)), count(\.reach)),
            card(
                "engagement", "Engagement", ReportNumbers.count(now.engagement), "likes, comments, shares, saves …",
                ReportNumbers.countDelta(count(\.engagement)), count(\.engagement)),
            card(
                "rate", "Engagement rate", ReportNumbers.percent(now.engagementRate), "interactions per person reached",
                ReportNumbers.pointsDelta(share(\.engagementRate)), share(\.engagementRate)),
            card(
                "approvals", "Approvals on time", ReportNumbers.percent(now.approvalsOnTime),
                "\(ReportNumbers.count(now.approvedOnTime)) of \(ReportNumbers.count(now.approved)) approved before the deadline",
                ReportNumbers.pointsDelta(share(\.approvalsOnTime)), share(\.approvalsOnTime)),
            card(
                "punctuality", "Punctuality", ReportNumbers.percent(now.punctuality),
                "\(ReportNumbers.count(now.punctual)) of \(ReportNumbers.count(now.slotted)) out within \(tolerance) of the slot",
                ReportNumbers.pointsDelta(share(\.punctuality)), share(\.punctuality)),
        ]
        return """
            <section class="report-figures" aria-labelledby="figures-title">
            <h2 id="figures-title">Headline figures</h2>
            <ul class="figures">\(cards)</ul>
            <p class="figure-compare">Changes compare with \(report.previousPeriod.label)\
            \(hasData ? "" : ", which has no data: n/a").</p>
            </section>
            """
    }

    private static func card(
        _ id: String, _ label: String, _ value: String, _ detail: String, _ change: String, _ delta: ReportDelta
    ) -> HTML {
        let direction = ReportNumbers.direction(delta)
        let arrow: HTML =
            switch direction {
            case "up": "<span aria-hidden=\"true\">▲ </span><span class=\"visually-hidden\">up </span>"
            case "down": "<span aria-hidden=\"true\">▼ </span><span class=\"visually-hidden\">down </span>"
            default: .empty
            }
        return """
            <li class="figure" id="figure-\(id)"><span class="figure-label">\(label)</span>
            <span class="figure-value">\(value)</span><span class="figure-detail">\(detail)</span>
            <span class="figure-delta delta-\(direction)">\(arrow)\(change) <span class="figure-vs">vs previous period</span></span></li>
            """
    }
}
