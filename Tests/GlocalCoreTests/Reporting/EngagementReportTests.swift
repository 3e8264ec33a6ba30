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
    }

    /// README's 80/20 rule is per account over 28 days, and a score is against the account's median: under
    /// `--campaign` both still count all the account's posts; the filter only chooses the rows.
    @Test func aCampaignFilterChoosesRowsNotTheAccountsFigures() {
        // H: a news post of fr-x, Fri 12-04, measured: fr-x's measured posts are A 30, B 10, H 90 (median 30).
        let posts =
            F.posts + [
                F.post(
                    "news/extra/fr-x", .x, "fr-FR", .informative, zone: "Europe/Paris", slot: "2026-12-04T09:00:00Z",
                    published: "2026-12-04T09:00:00Z", engagement: 90)
            ]
        func build(_ campaign: String?) -> EngagementReport {
            var input = F.input(campaign: campaign)
            input.posts = posts
            return EngagementReportBuilder().build(input)
        }
        let all = build(nil)
        let news = build("news")
        let rows = { (report: EngagementReport) in
            report.promotionalShare.map { "\($0.weekEnding) \($0.account) \($0.promotional)/\($0.posts) \($0.overLimit)" }
        }
        // The account-weeks whose 28 days hold a news post (E, H on fr-x; F on uk-x from 12-08), with the
        // unfiltered figures: fr-x's promotional A and B among its four posts, not 0 of the two news posts.
        #expect(rows(news) == ["2026-12-06 fr-x 2/4 true", "2026-12-13 fr-x 2/4 true", "2026-12-13 uk-x 2/3 true"])
        #expect(Set(rows(news)).isSubset(of: rows(all)))
        // H against fr-x's median 30, not against itself.
        #expect(news.top.map(\.variant) == ["news/extra/fr-x"])
        #expect(abs(news.top[0].score - log(91.0 / 31)) < 1e-12)
        #expect(news.locales.map(\.meanScore) == [news.top[0].score])
        let hydra = build("hydra")
        for item in hydra.top + hydra.bottom {
            #expect(item.score == (all.top + all.bottom).first { $0.variant == item.variant }?.score, "\(item.variant)")
        }
        #expect(abs((hydra.top.first { $0.variant == "hydra/teaser/fr-x" }?.score ?? 1) - 0) < 1e-12)
    }
}
