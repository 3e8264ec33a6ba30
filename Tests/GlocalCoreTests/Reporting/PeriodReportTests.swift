import Foundation
import Testing

@testable import GlocalCore

/// The period report's figures, breakdowns, heatmap and comparison against a small fixture worked
/// out by hand: the week of Tue 1 December 2026 (UTC) and the week before it.
@Suite struct PeriodReportTests {
    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func post(
        _ id: String, network: Network, locale: String, team: String, zone: String = "Europe/Paris", slot: String?,
        published: String?, engagement: Int?, reach: Int?
    ) -> PeriodPost {
        PeriodPost(
            variantID: "c/\(id)/acc-\(id)", campaignID: "c", accountID: "acc-\(id)", team: team, network: network,
            locale: locale, timeZone: zone, scheduledAt: slot.map(instant), publishedAt: published.map(instant),
            engagement: engagement, reach: reach)
    }

    static let posts = [
        // 30 s late, Tue 09:00 in Paris.
        post(
            "a", network: .x, locale: "fr-FR", team: "france", slot: "2026-12-01T08:00:00Z",
            published: "2026-12-01T08:00:30Z", engagement: 10, reach: 100),
        // 10 minutes late: not punctual. Wed 10:10 in Paris.
        post(
            "b", network: .instagram, locale: "fr-FR", team: "france", slot: "2026-12-02T09:00:00Z",
            published: "2026-12-02T09:10:00Z", engagement: 30, reach: 200),
        // Bluesky reports no reach. Thu 10:00 in London.
        post(
            "c", network: .bluesky, locale: "en-GB", team: "uk", zone: "Europe/London", slot: "2026-12-03T10:00:00Z",
            published: "2026-12-03T10:00:00Z", engagement: 5, reach: nil),
        // A live post (no slot), not measured yet.
        post(
            "g", network: .instagram, locale: "fr-FR", team: "france", slot: nil,
            published: "2026-12-04T12:00:00Z", engagement: nil, reach: nil),
        // Just after the period ends, and just before it starts (the previous week).
        post(
            "d", network: .x, locale: "en-GB", team: "uk", zone: "Europe/London", slot: "2026-12-08T00:00:00Z",
            published: "2026-12-08T00:00:00Z", engagement: 100, reach: 1000),
        post(
            "e", network: .x, locale: "en-GB", team: "uk", zone: "Europe/London", slot: "2026-11-30T12:00:00Z",
            published: "2026-11-30T12:00:00Z", engagement: 7, reach: 70),
        // Not published.
        post(
            "f", network: .x, locale: "fr-FR", team: "france", slot: "2026-12-05T08:00:00Z",
            published: nil, engagement: nil, reach: nil),
    ]

    static let approvals = [
        PeriodApproval(variantID: "p1", approvedAt: instant("2026-11-29T10:00:00Z"), deadline: instant("2026-11-30T00:00:00Z")),
        PeriodApproval(variantID: "p2", approvedAt: instant("2026-12-01T00:00:00Z"), deadline: instant("2026-11-30T20:00:00Z")),
        PeriodApproval(variantID: "p3", approvedAt: instant("2026-12-02T00:00:00Z"), deadline: instant("2026-12-02T00:00:00Z")),
        PeriodApproval(variantID: "p4", approvedAt: instant("2026-12-04T00:00:00Z"), deadline: nil),
    ]

    static let period = ReportPeriod(
        preset: .custom, first: LocalDate(iso: "2026-12-01")!, last: LocalDate(iso: "2026-12-07")!, timeZone: "UTC")
    let report = PeriodReportBuilder().build(posts: Self.posts, approvals: Self.approvals, period: Self.period)

    @Test func headlineFiguresCountThePostsPublishedInThePeriod() {
        #expect(report.posts.map(\.variantID) == ["c/a/acc-a", "c/b/acc-b", "c/c/acc-c", "c/g/acc-g"])
        let figures = report.figures
        #expect(figures.published == 4 && figures.measured == 3)
        #expect(figures.engagement == 45 && figures.reach == 300 && figures.engagementWithReach == 40)
        // The reach is over the 2 measured posts whose network reports one (Bluesky's does not).
        #expect(figures.withReach == 2)
        #expect(figures.engagementRate == 40.0 / 300)
        #expect(figures.slotted == 3 && figures.punctual == 2 && figures.punctuality == 2.0 / 3)
        #expect(figures.approved == 3 && figures.approvedOnTime == 2 && figures.approvalsOnTime == 2.0 / 3)
    }

    @Test func thePreviousPeriodIsTheSevenDaysBefore() {
        #expect(report.previousPeriod.label == "2026-11-24 – 2026-11-30 (7 days)")
        let before = report.previousFigures
        #expect(before.published == 1 && before.engagement == 7 && before.reach == 70 && before.punctual == 1)
        #expect(before.approved == 1 && before.approvedOnTime == 1)
    }

    @Test func punctualityToleranceIsTheBuildersChoice() {
        let strict = PeriodReportBuilder(punctualityTolerance: 10).build(
            posts: Self.posts, approvals: [], period: Self.period)
        #expect(strict.figures.punctual == 1 && strict.punctualityTolerance == 10)
        #expect(report.punctualityTolerance == 60)  // the same rule as `glocal report`
    }

    @Test func breakdownsByNetworkLocaleAndTeamMostEngagementFirst() {
        #expect(
            report.byNetwork == [
                ReportBreakdown(key: "instagram", published: 2, reach: 200, engagement: 30, engagementWithReach: 30),
                ReportBreakdown(key: "x", published: 1, reach: 100, engagement: 10, engagementWithReach: 10),
                ReportBreakdown(key: "bluesky", published: 1, reach: 0, engagement: 5, engagementWithReach: 0),
            ])
        #expect(report.byNetwork[2].engagementRate == nil && report.byNetwork[0].engagementRate == 0.15)
        #expect(report.byLocale.map(\.key) == ["fr-FR", "en-GB"] && report.byLocale.map(\.published) == [3, 1])
        #expect(report.byTeam.map(\.key) == ["france", "uk"] && report.byTeam.map(\.engagement) == [40, 5])
    }

    @Test func theHeatmapUsesEachAccountsLocalWeekdayAndHour() {
        #expect(
            report.heatmap == [
                ReportHeatCell(weekday: 2, hour: 9, posts: 1, engagement: 10),
                ReportHeatCell(weekday: 3, hour: 10, posts: 1, engagement: 30),
                ReportHeatCell(weekday: 4, hour: 10, posts: 1, engagement: 5),
            ])
    }

    @Test func deltasHaveASignAPercentageOrNA() {
        #expect(ReportDelta.between(12, 10, previousHasData: true) == ReportDelta(difference: 2, percent: 20))
        #expect(ReportDelta.between(5, 10, previousHasData: true) == ReportDelta(difference: -5, percent: -50))
        #expect(ReportDelta.between(5, 0, previousHasData: true) == ReportDelta(difference: 5, percent: nil))
        #expect(ReportDelta.between(5, 3, previousHasData: false) == ReportDelta(difference: nil, percent: nil))
        #expect(ReportDelta.between(nil, 0.5, previousHasData: true).difference == nil)
        let empty = PeriodReportBuilder().build(posts: [], approvals: [], period: Self.period)
        #expect(!empty.previousFigures.hasData && !empty.figures.hasData && empty.figures.engagementRate == nil)
        #expect(empty.heatmap.isEmpty && empty.byNetwork.isEmpty)
    }

    @Test func reachIsReachElseImpressionsElseViews() {
        #expect(ReportReach.of(["reach": 5, "impressions": 9, "likes": 2]) == 5)
        #expect(ReportReach.of(["impression_count": 9, "like_count": 3, "views": 40]) == 9)
        #expect(ReportReach.of(["views": 4, "likes": 1]) == 4)
        #expect(ReportReach.of(["likeCount": 3, "repostCount": 1]) == nil)
    }
}
