import Foundation

/// Computes a ``PeriodReport``: plain counts and sums over the posts published in the period (and
/// the approvals made in it), so every figure can be checked by hand.
public struct PeriodReportBuilder: Sendable {
    /// On time means within 60 s of the slot, as in `glocal report` (`EngagementReportInput.onTimeTolerance`):
    /// one definition of punctuality in every report.
    public static let defaultPunctualityTolerance: TimeInterval = 60

    /// A post is punctual when it went out at most this many seconds after its slot.
    public var punctualityTolerance: TimeInterval

    /// Creates a builder.
    public init(punctualityTolerance: TimeInterval = defaultPunctualityTolerance) {
        self.punctualityTolerance = punctualityTolerance
    }

    /// The report of `period` over `posts` and `approvals` (already limited to what the reader may see).
    public func build(posts: [PeriodPost], approvals: [PeriodApproval], period: ReportPeriod) -> PeriodReport {
        let previous = period.previous
        let current = published(posts, in: period)
        return PeriodReport(
            period: period, previousPeriod: previous, figures: figures(current, approvals: approvals, in: period),
            previousFigures: figures(published(posts, in: previous), approvals: approvals, in: previous),
            punctualityTolerance: punctualityTolerance, byNetwork: breakdown(current, by: \.network.rawValue),
            byLocale: breakdown(current, by: \.locale), byTeam: breakdown(current, by: \.team), heatmap: heatmap(current),
            posts: current)
    }

    /// The posts published in `period`, by publication time then id.
    func published(_ posts: [PeriodPost], in period: ReportPeriod) -> [PeriodPost] {
        let start = period.start, end = period.end
        return posts.filter { post in post.publishedAt.map { $0 >= start && $0 < end } ?? false }
            .sorted { ($0.publishedAt!, $0.variantID) < ($1.publishedAt!, $1.variantID) }
    }

    func figures(_ posts: [PeriodPost], approvals: [PeriodApproval], in period: ReportPeriod) -> ReportFigures {
        var figures = ReportFigures(published: posts.count)
        for post in posts {
            if let engagement = post.engagement {
                figures.measured += 1
                figures.engagement += engagement
                if let reach = post.reach {
                    figures.reach += reach
                    figures.withReach += 1
                    figures.engagementWithReach += engagement
                }
            }
            if let delay = post.delay {
                figures.slotted += 1
                if delay <= punctualityTolerance { figures.punctual += 1 }
            }
        }
        for approval in approvals where period.contains(approval.approvedAt) {
            figures.approved += 1
            if approval.onTime { figures.approvedOnTime += 1 }
        }
        return figures
    }

    func breakdown(_ posts: [PeriodPost], by key: KeyPath<PeriodPost, String>) -> [ReportBreakdown] {
        var slices: [String: ReportBreakdown] = [:]
        for post in posts {
            let name = post[keyPath: key]
            var slice = slices[name] ?? ReportBreakdown(key: name)
            slice.published += 1
            if let engagement = post.engagement {
                slice.engagement += engagement
                if let reach = post.reach {
                    slice.reach += reach
                    slice.engagementWithReach += engagement
                }
            }
            slices[name] = slice
        }
        return slices.values.sorted { ($1.engagement, $0.key) < ($0.engagement, $1.key) }
    }

    func heatmap(_ posts: [PeriodPost]) -> [ReportHeatCell] {
        var cells: [Int: ReportHeatCell] = [:]
        for post in posts {
            guard let published = post.publishedAt, let engagement = post.engagement else { continue }
            let zone = TimeZone(identifier: post.timeZone) ?? TimeZone(identifier: "UTC")!
            let local = LocalInstant(instant: published, zone: zone)
            let index = (local.date.isoWeekday - 1) * 24 + local.time.hour
            var cell =
                cells[index] ?? ReportHeatCell(weekday: local.date.isoWeekday, hour: local.time.hour, posts: 0, engagement: 0)
            cell.posts += 1
            cell.engagement += engagement
            cells[index] = cell
        }
        return cells.keys.sorted().map { cells[$0]! }
    }
}
