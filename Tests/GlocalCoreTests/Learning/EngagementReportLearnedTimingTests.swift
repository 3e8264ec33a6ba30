import Foundation
import Testing

@testable import GlocalCore

/// The report's learned-timing view: each account's best hours with their uncertainty and the lift
/// measured on the holdout, in every renderer.
@Suite struct EngagementReportLearnedTimingTests {
    /// Variant ids of the first `count` posts (of `fr-x`) that are (or are not) in the 10 % holdout.
    static func ids(_ count: Int, holdout: Bool) -> [String] {
        (0..<2_000).map { "hydra/post-\($0)/fr-x" }.filter { Holdout.contains($0, share: 0.1) == holdout }.prefix(count).map {
            $0
        }
    }

    /// Twelve Tuesdays from 2026-11-03 in Paris (UTC+1): learned posts at 10:30 (200 interactions) and
    /// 12:30 (60); holdout posts at 12:30 (60). A second account on Mastodon has one measured post.
    static func posts() -> [ReportPost] {
        let learned = ids(24, holdout: false), held = ids(6, holdout: true)
        let firstTuesday = try! Date("2026-11-03T00:00:00Z", strategy: .iso8601)
        var posts: [ReportPost] = []
        func add(_ id: String, week: Int, hour: Int, engagement: Int, account: String = "fr-x", network: Network = .x) {
            let published = firstTuesday.addingTimeInterval(Double(week * 7 * 86_400 + (hour - 1) * 3_600 + 30 * 60))
            posts.append(
                ReportPost(
                    variantID: id, campaignID: "hydra", accountID: account, network: network, locale: "fr-FR", kind: .informative,
                    timeZone: "Europe/Paris", scheduledAt: published, publishedAt: published, engagement: engagement,
                    scoringEngagement: engagement))
        }
        for week in 0..<12 {
            add(learned[2 * week], week: week, hour: 10, engagement: 200)
            add(learned[2 * week + 1], week: week, hour: 12, engagement: 60)
            if week % 2 == 1 { add(held[week / 2], week: week, hour: 12, engagement: 60) }
        }
        add("hydra/post-0/fr-masto", week: 0, hour: 10, engagement: 5, account: "fr-masto", network: .mastodon)
        return posts
    }

    static let report = EngagementReportBuilder().build(EngagementReportInput(posts: posts()))

    @Test func eachAccountShowsItsBestHoursWithTheirUncertainty() throws {
        let row = try #require(Self.report.learnedTiming.first { $0.account == "fr-x" })
        #expect(row.network == "x" && row.scoredPosts == 29)  // 30 posts, the first has no median yet
        #expect(row.bestHours.count == 3)
        let best = row.bestHours[0]
        // 10:30 did 200 and 12:30 only 60, every week: a curve that falls that steeply in two hours peaks
        // before 10:30, so the peak model (the default) ranks Tue 08-10 first; the bucket estimates, which
        // never reach past the blocks posted in, would say Tue 10-12.
        #expect(best.label == "Tue 08-10" && best.weekday == 2 && best.hour == 8)
        #expect(best.score > row.bestHours[1].score && best.score > 0)
        #expect(best.uncertainty > 0 && best.uncertainty < 0.5)
        // No post went out at 08-10: the report says the curve inferred it; 10-12 had its twelve posts.
        #expect(best.posts == 0)
        let text = try #require(EngagementLearnedTimingText.rows(Self.report).first { $0[1] == "fr-x" })[3]
        #expect(text.hasPrefix("Tue 08-10 +") && text.contains(" (no post there yet); "))
        // An account with one post has no score yet: no row.
        #expect(!Self.report.learnedTiming.contains { $0.account == "fr-masto" })
    }

    /// docs/scheduling.md: "(no post there yet)" is a bucket where the account has not posted; a bucket's
    /// `posts` count the account's measured posts there, its first one (which has no score) included.
    @Test func aBucketCountsTheAccountsMeasuredPostsItsFirstIncluded() throws {
        let (rows, _) = EngagementLearnedTimingBuilder(bestCount: 7 * 12).build(Self.posts())
        let row = try #require(rows.first { $0.account == "fr-x" })
        let posts = Dictionary(uniqueKeysWithValues: row.bestHours.map { ($0.label, $0.posts) })
        // fr-x's first post went out Tue 10:30: twelve posts there (eleven scored); 12:30 had twelve learned and six
        // holdout posts.
        #expect(posts["Tue 10-12"] == 12)
        #expect(posts["Tue 12-14"] == 18)
        #expect(row.bestHours.map(\.posts).reduce(0, +) == 30)
    }

    @Test func theLiftIsMeasuredOnTheHoldoutOnly() throws {
        let row = try #require(Self.report.learnedTiming.first { $0.account == "fr-x" })
        // Every scored post after the network's first scored one: 28 of them, the 6 holdout posts among them.
        #expect(row.holdout.holdoutPosts == 6 && row.holdout.learnedPosts == 22)
        let lift = try #require(row.holdout.lift)
        let low = try #require(row.holdout.low), high = try #require(row.holdout.high)
        #expect(lift > 0.3)  // half the learned posts did 200 where every holdout post did 60
        #expect(low < lift && lift < high)
        #expect(Self.report.learnedTimingLift == row.holdout)  // the only account with a comparison
    }

    @Test func theReportsLiftIsTheEstimateTheSimulationChecks() throws {
        // The compared posts (weeks 1-11), in 28-day periods from the first of them, as HoldoutLiftEstimate takes them.
        let start = try #require(
            Self.posts().filter { $0.accountID == "fr-x" }.compactMap(\.publishedAt).sorted().dropFirst(2).first)
        let compared = Self.posts().filter { $0.accountID == "fr-x" && $0.publishedAt! >= start }
        #expect(compared.count == 28)
        let expected = HoldoutLiftEstimate(
            compared.map {
                HoldoutLiftEstimate.Post(
                    account: "fr-x", period: HoldoutLiftEstimate.period(of: $0.publishedAt!, from: start),
                    holdout: Holdout.contains($0.variantID, share: Holdout.share), engagement: Double($0.scoringEngagement!))
            })
        #expect(expected.strata == 3)  // weeks 1-4, 5-8, 9-11, each with two holdout posts
        let lift = try #require(Self.report.learnedTimingLift?.lift)
        #expect(abs(lift - expected.lift!) < 1e-9)
        #expect(abs(Self.report.learnedTimingLift!.low! - expected.interval!.low) < 1e-9)
        // Each period: half the learned posts did 200 where every holdout post did 60 -> sqrt(201/61) - 1.
        #expect(abs(lift - ((201.0 / 61).squareRoot() - 1)) < 1e-9)
    }

    @Test func everyRendererShowsIt() throws {
        let text = EngagementTextRenderer().render(Self.report)
        #expect(text.contains("Learned timing per account"))
        let line = try #require(text.split(separator: "\n").first { $0.contains("fr-x") && $0.contains("Tue 08-10") })
        #expect(line.contains("±") && line.contains("22 learned vs 6 holdout posts"))
        let csv = EngagementCSVRenderer().render(Self.report)
        #expect(csv.contains("section,network,account,scored_posts,rank,weekday,hour,score,uncertainty"))
        #expect(csv.contains("learned_timing,x,fr-x,29,1,2,8,"))
        #expect(csv.contains("learned_timing,*,*,"))
        let json = try EngagementJSONRenderer().render(Self.report)
        #expect(json.contains("\"learnedTiming\"") && json.contains("\"Tue 08-10\"") && json.contains("\"uncertainty\""))
        let html = EngagementHTMLRenderer().body(Self.report)
        #expect(html.contains("<h2>Learned timing per account</h2>"))
        #expect(html.contains("<td>fr-x</td>") && html.contains("Tue 08-10 +"))
    }

    @Test func postsAreScoredAtTheirTwentyFourHourReadingNotTheLatest() throws {
        // The same posts, but each latest reading (+7 d) is ten times the +24 h one for the learned 10:30
        // posts; and one more post has only its +1 h reading so far.
        var posts = Self.posts().map { post -> ReportPost in
            var post = post
            if post.scoringEngagement == 200 { post.engagement = 2_000 }
            return post
        }
        let late = try Date("2027-02-02T09:30:00Z", strategy: .iso8601)
        posts.append(
            ReportPost(
                variantID: Self.ids(25, holdout: false)[24], campaignID: "hydra", accountID: "fr-x", network: .x, locale: "fr-FR",
                kind: .informative, timeZone: "Europe/Paris", scheduledAt: late, publishedAt: late, engagement: 5))
        let report = EngagementReportBuilder().build(EngagementReportInput(posts: posts))
        #expect(report.learnedTiming == Self.report.learnedTiming)
        #expect(report.learnedTimingLift == Self.report.learnedTimingLift)
    }

    @Test func withoutMeasuredPostsTheViewSaysSo() {
        let report = EngagementReportBuilder().build(EngagementReportInput(posts: []))
        #expect(report.learnedTiming.isEmpty)
        #expect(EngagementTextRenderer().render(report).contains("every account: – (0 learned vs 0 holdout posts)"))
    }

    /// Ten X accounts post the same 40 posts at the same hour, so timing adds nothing: the true lift is 0. Each
    /// post's content moves its result on every account alike (σ 1 in the log). The report's lift takes the
    /// content out, as seen on each post's sibling accounts, and lands near 0; without that, the luck of which
    /// posts fell in the holdout would be read as a lift.
    @Test func theLiftTakesOutWhatTheSiblingsSayOfEachPostsContent() throws {
        var random = SeededRandom(seed: 5)
        let firstTuesday = try Date("2026-11-03T09:30:00Z", strategy: .iso8601)
        var posts: [ReportPost] = []
        for post in 0..<40 {
            let content = random.normal()
            for account in 0..<10 {
                let published = firstTuesday.addingTimeInterval(Double(post / 2 * 7 + post % 2 * 2) * 86_400)
                let engagement = Int((300 * exp(content + 0.05 * random.normal())).rounded())
                posts.append(
                    ReportPost(
                        variantID: "c/p\(post)/acct-\(account)", campaignID: "c", accountID: "acct-\(account)", network: .x,
                        locale: "fr-FR", kind: .informative, timeZone: "Europe/Paris", scheduledAt: published,
                        publishedAt: published, engagement: engagement, scoringEngagement: engagement))
            }
        }
        let report = EngagementReportBuilder().build(EngagementReportInput(posts: posts))
        let lift = try #require(report.learnedTimingLift?.lift)
        // The same comparison without the content taken out (every post after the first, one period per 28 days).
        let compared = posts.filter { $0.publishedAt! > firstTuesday }
        let start = try #require(compared.compactMap(\.publishedAt).min())
        let plain = try #require(
            HoldoutLiftEstimate(
                compared.map {
                    HoldoutLiftEstimate.Post(
                        account: $0.accountID, period: HoldoutLiftEstimate.period(of: $0.publishedAt!, from: start),
                        holdout: Holdout.contains($0.variantID, share: Holdout.share), engagement: Double($0.engagement!))
                }
            ).lift)
        #expect(abs(plain) > 0.1, "without the content taken out: \(plain)")
        #expect(abs(lift) < 0.3 * abs(plain), "lift \(lift), \(plain) without the content taken out")
    }
}
