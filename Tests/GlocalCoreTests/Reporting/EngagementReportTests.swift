import Foundation
import Testing

@testable import GlocalCore

/// The report's numbers against the fixture's figures worked out by hand.
@Suite struct EngagementReportTests {
    typealias F = EngagementReportFixture
    let report = EngagementReportBuilder().build(F.input())

    @Test func engagementPerCampaignNetworkLocaleAccount() {
        #expect(
            report.rows.map { "\($0.campaign)/\($0.network)/\($0.locale)/\($0.account)" } == [
                "hydra/linkedin/fr-FR/fr-li", "hydra/x/en-GB/uk-x", "hydra/x/fr-FR/fr-x", "news/x/fr-FR/fr-x",
            ])
        #expect(report.rows.map(\.published) == [1, 2, 2, 1])
        #expect(report.rows.map(\.measured) == [1, 2, 2, 0])
        #expect(report.rows.map(\.engagement) == [5, 40, 40, 0])
        #expect(report.rows.map(\.meanEngagement) == [5, 20, 20, nil])
    }

    @Test func promotionalShareOverRollingWeeks() {
        // Week to Sun 12-06 (28 days back): fr-x has A, B promotional and E informative; uk-x C, D.
        // Week to Sun 12-13: uk-x's informative F (Tue 12-08) joins.
        let rows = report.promotionalShare.map { "\($0.weekEnding) \($0.account) \($0.promotional)/\($0.posts) \($0.overLimit)" }
        #expect(
            rows == [
                "2026-12-06 fr-li 1/1 true", "2026-12-06 fr-x 2/3 true", "2026-12-06 uk-x 2/2 true",
                "2026-12-13 fr-li 1/1 true", "2026-12-13 fr-x 2/3 true", "2026-12-13 uk-x 2/3 true",
            ])
        #expect(abs(report.promotionalShare[1].share - 2.0 / 3) < 1e-12)
    }

    @Test func approvalTurnaroundPerTeam() {
        // france: 2 h, 24 h, 1.5 h → median 2, max 24; uk: 4 h.
        #expect(
            report.approvals == [
                EngagementReport.Approvals(team: "france", approved: 3, medianHours: 2, maxHours: 24),
                EngagementReport.Approvals(team: "uk", approved: 1, medianHours: 4, maxHours: 4),
            ])
    }

    @Test func punctualityPerNetwork() {
        // X delays 30, 120, 0, 10, 0 s: median 10, max 120, four within 60 s. LinkedIn: one, on the minute.
        #expect(
            report.punctuality == [
                EngagementReport.Punctuality(network: "x", published: 5, onTime: 4, medianDelaySeconds: 10, maxDelaySeconds: 120),
                EngagementReport.Punctuality(
                    network: "linkedin", published: 1, onTime: 1, medianDelaySeconds: 0, maxDelaySeconds: 0),
            ])
    }

    @Test func heatmapInLocalTime() {
        // Paris is UTC+1 and London UTC+0 in December: A and C meet at Tue 10:00, B and D at Thu 11:00.
        #expect(
            report.heatmap.map { "\($0.network) \($0.weekday) \($0.hour) \($0.posts) \($0.meanEngagement)" } == [
                "x 2 10 2 25.0", "x 4 11 2 15.0", "linkedin 2 9 1 5.0",
            ])
    }

    @Test func topBottomAndLocales() {
        // fr-x's median is 20: A scores log(31/21), B log(11/21); uk-x and fr-li posts are at their median (0).
        #expect(report.top.map(\.variant) == ["hydra/teaser/fr-x", "hydra/launch/uk-x", "hydra/teaser/uk-x"])
        #expect(abs(report.top[0].score - log(31.0 / 21)) < 1e-12)
        #expect(report.bottom.map(\.variant) == ["hydra/launch/fr-x", "hydra/teaser/fr-li", "hydra/teaser/uk-x"])
        #expect(abs(report.bottom[0].score - log(11.0 / 21)) < 1e-12)
        #expect(report.locales.map(\.locale) == ["en-GB", "fr-FR"])
        #expect(report.locales.map(\.meanEngagement) == [20, 15])
        #expect(abs(report.locales[1].meanScore - log(341.0 / 441) / 3) < 1e-12)
    }

    @Test func aCampaignFilterKeepsOnlyItsVariants() {
        let news = EngagementReportBuilder().build(F.input(campaign: "news"))
        #expect(news.rows.map(\.account) == ["fr-x"])
        #expect(news.top.isEmpty && news.heatmap.isEmpty && news.approvals.isEmpty)
        #expect(news.promotionalShare.allSatisfy { $0.promotional == 0 })
    }
}
