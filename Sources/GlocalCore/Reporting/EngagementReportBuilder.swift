import Foundation

/// Computes an ``EngagementReport`` from an ``EngagementReportInput``: plain sums, medians and
/// shares, so every number can be checked by hand.
public struct EngagementReportBuilder: Sendable {
    /// Creates a builder.
    public init() {}

    /// The report of `input`.
    /// A campaign filter chooses which rows are shown; what is an account's (its promotional share over the
    /// rolling window, the median its posts are scored against, its learned timing) is worked out from all its posts.
    public func build(_ input: EngagementReportInput) -> EngagementReport {
        let shown: (ReportPost) -> Bool = { input.campaign == nil || $0.campaignID == input.campaign }
        let posts = input.posts.filter(shown)
        let measured = posts.filter { $0.publishedAt != nil && $0.engagement != nil }
        let ranked = rank(measured, medians: medians(input.posts.filter { $0.publishedAt != nil && $0.engagement != nil }))
        // Timing is learnt per account from every post, whatever the campaign filter.
        let learned = EngagementLearnedTimingBuilder(timing: input.timing, holdoutShare: input.holdoutShare).build(input.posts)
        return EngagementReport(
            campaign: input.campaign, rows: rows(posts),
            promotionalShare: promotionalShare(input.posts, shown: shown, input: input),
            promotionalShareMax: input.promotionalShareMax, approvals: approvals(input, posts: posts),
            punctuality: punctuality(posts, tolerance: input.onTimeTolerance), heatmap: heatmap(measured),
            top: Array(ranked.prefix(input.topCount)), bottom: Array(ranked.reversed().prefix(input.topCount)),
            locales: locales(measured, ranked: ranked), learnedTiming: learned.rows, learnedTimingLift: learned.overall)
    }

    private func rows(_ posts: [ReportPost]) -> [EngagementReport.Row] {
        var rows: [String: EngagementReport.Row] = [:]
        for post in posts where post.publishedAt != nil {
            let key = [post.campaignID, post.network.rawValue, post.locale, post.accountID].joined(separator: "\u{1}")
            var row =
                rows[key]
                ?? EngagementReport.Row(
                    campaign: post.campaignID, network: post.network.rawValue, locale: post.locale, account: post.accountID,
                    published: 0,
                    measured: 0, engagement: 0, meanEngagement: nil)
            row.published += 1
            if let engagement = post.engagement {
                row.measured += 1
                row.engagement += engagement
                row.meanEngagement = Double(row.engagement) / Double(row.measured)
            }
            rows[key] = row
        }
        return rows.values.sorted {
            ($0.campaign, $0.network, $0.locale, $0.account) < ($1.campaign, $1.network, $1.locale, $1.account)
        }
    }

    /// At the end of every ISO week with shown posts, each account's share over the trailing window, counting all
    /// its posts; an account-week is listed when its window holds a shown post.
    private func promotionalShare(_ posts: [ReportPost], shown: (ReportPost) -> Bool, input: EngagementReportInput)
        -> [EngagementReport.PromotionalShare]
    {
        let counted = posts.filter { $0.counts && $0.scheduledAt != nil }
        let slots = counted.filter(shown).map { $0.scheduledAt! }
        guard let first = slots.min(), let last = slots.max() else { return [] }
        let byAccount = Dictionary(grouping: counted, by: \.accountID)
        var result: [EngagementReport.PromotionalShare] = []
        // Week ends: the Sundays (UTC) from the first slot's week to the last slot's week.
        let firstDay = LocalDate(daysSinceEpoch: Int((first.timeIntervalSince1970 / 86_400).rounded(.down)))
        var sunday = firstDay.adding(days: 7 - firstDay.isoWeekday)
        let lastDay = LocalDate(daysSinceEpoch: Int((last.timeIntervalSince1970 / 86_400).rounded(.down)))
        while sunday.adding(days: -6) <= lastDay {
            let end = Date(timeIntervalSince1970: Double(sunday.adding(days: 1).daysSinceEpoch) * 86_400)
            let start = end.addingTimeInterval(-Double(input.promotionalWindowDays) * 86_400)
            for account in byAccount.keys.sorted() {
                let inWindow = byAccount[account]!.filter { $0.scheduledAt! >= start && $0.scheduledAt! < end }
                guard inWindow.contains(where: shown) else { continue }
                let promotional = inWindow.filter { $0.kind == .promotional }.count
                let share = Double(promotional) / Double(inWindow.count)
                result.append(
                    EngagementReport.PromotionalShare(
                        account: account, weekEnding: sunday.description, posts: inWindow.count, promotional: promotional,
                        share: share,
                        overLimit: share > input.promotionalShareMax + 1e-9))
            }
            sunday = sunday.adding(days: 7)
        }
        return result
    }

    private func approvals(_ input: EngagementReportInput, posts: [ReportPost]) -> [EngagementReport.Approvals] {
        let inReport = Set(posts.map(\.variantID))
        var hours: [String: [Double]] = [:]
        for record in input.approvals where inReport.contains(record.variantID) {
            let team =
                input.teams.first { $0.accounts.contains { GlobPattern.matches($0, record.accountID) } }?.name ?? "(no team)"
            hours[team, default: []].append(record.approvedAt.timeIntervalSince(record.requestedAt) / 3_600)
        }
        return hours.keys.sorted().map { team in
            let values = hours[team]!
            return EngagementReport.Approvals(
                team: team, approved: values.count, medianHours: EngagementScore.median(values) ?? 0, maxHours: values.max() ?? 0)
        }
    }

    private func punctuality(_ posts: [ReportPost], tolerance: TimeInterval) -> [EngagementReport.Punctuality] {
        var delays: [Network: [Double]] = [:]
        for post in posts {
            guard let published = post.publishedAt, let slot = post.scheduledAt else { continue }
            delays[post.network, default: []].append(published.timeIntervalSince(slot))
        }
        return delays.keys.sorted().map { network in
            let values = delays[network]!
            return EngagementReport.Punctuality(
                network: network.rawValue, published: values.count, onTime: values.filter { $0 <= tolerance }.count,
                medianDelaySeconds: EngagementScore.median(values) ?? 0, maxDelaySeconds: values.max() ?? 0)
        }
    }

    private func heatmap(_ measured: [ReportPost]) -> [EngagementReport.HeatmapCell] {
        var cells: [String: (network: Network, weekday: Int, hour: Int, posts: Int, sum: Int)] = [:]
        for post in measured {
            let zone = TimeZone(identifier: post.timeZone) ?? TimeZone(identifier: "UTC")!
            let local = LocalInstant(instant: post.publishedAt!, zone: zone)
            let key = "\(post.network.rawValue)|\(local.date.isoWeekday)|\(local.time.hour)"
            var cell = cells[key] ?? (post.network, local.date.isoWeekday, local.time.hour, 0, 0)
            cell.posts += 1
            cell.sum += post.engagement!
            cells[key] = cell
        }
        return cells.values.sorted { ($0.network, $0.weekday, $0.hour) < ($1.network, $1.weekday, $1.hour) }.map {
            EngagementReport.HeatmapCell(
                network: $0.network.rawValue, weekday: $0.weekday, hour: $0.hour, posts: $0.posts,
                meanEngagement: Double($0.sum) / Double($0.posts))
        }
    }

    /// Each account's median engagement over `measured` (all its measured posts), by `account|network`.
    private func medians(_ measured: [ReportPost]) -> [String: Double] {
        Dictionary(grouping: measured) { $0.accountID + "|" + $0.network.rawValue }.mapValues {
            EngagementScore.median($0.map { Double($0.engagement!) }) ?? 0
        }
    }

    /// Measured posts by score against their account's median, best first (ties: higher engagement, then id).
    private func rank(_ measured: [ReportPost], medians: [String: Double]) -> [EngagementReport.RankedVariant] {
        measured.map { post in
            EngagementReport.RankedVariant(
                variant: post.variantID, account: post.accountID, network: post.network.rawValue, locale: post.locale,
                engagement: post.engagement!,
                score: EngagementScore.logRatio(
                    engagement: Double(post.engagement!), median: medians[post.accountID + "|" + post.network.rawValue] ?? 0))
        }.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.engagement != b.engagement { return a.engagement > b.engagement }
            return a.variant < b.variant
        }
    }

    private func locales(_ measured: [ReportPost], ranked: [EngagementReport.RankedVariant]) -> [EngagementReport.LocaleSummary] {
        var scores: [String: Double] = [:]
        for item in ranked { scores[item.variant] = item.score }
        var summaries: [EngagementReport.LocaleSummary] = []
        for (locale, posts) in Dictionary(grouping: measured, by: \.locale) {
            let count = Double(posts.count)
            let engagement = posts.reduce(0) { $0 + ($1.engagement ?? 0) }
            let score = posts.reduce(0.0) { $0 + (scores[$1.variantID] ?? 0) }
            summaries.append(
                EngagementReport.LocaleSummary(
                    locale: locale, measured: posts.count, meanEngagement: Double(engagement) / count, meanScore: score / count))
        }
        return summaries.sorted { $0.meanScore != $1.meanScore ? $0.meanScore > $1.meanScore : $0.locale < $1.locale }
    }
}
