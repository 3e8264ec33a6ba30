import Foundation
import Testing

@testable import GlocalCore

/// `explain` names the decision rule that chose a slot (``ChoiceRule``'s options, docs/scheduling.md,
/// "Learned timing", step 4): a hand-made peak belief for one X account on Tue 2026-11-03 (Paris).
@Suite struct SchedulingChoiceRuleTests {
    typealias F = ScheduleFixture

    /// The learned reason of the account's one post, with its Tuesday peak at grid peaks `peaks`.
    static func reason(_ peaks: [Int: Double], weight: Double, exploitAfter: Double, rule: ChoiceRule) throws -> String {
        var fixture = ScheduleFixture()
        fixture.locale("fr-FR", zone: "Europe/Paris")
        fixture.account("fr-x", .x, locale: "fr-FR")
        fixture.campaign("c", start: "2026-11-03", end: "2026-11-03", posts: [F.PostSpec(id: "p", day: 0)])
        var posterior = [Double](repeating: 0, count: PeakGrid.standard.peaks.count)
        for (peak, p) in peaks { posterior[peak] = p }
        let belief = PeakBelief(
            level: 0, amplitude: 1, width: 1, spread: 0.5, weight: weight, days: Array(repeating: posterior, count: 7),
            prior: posterior)
        let prior = BucketPrior(profile: fixture.timing.profile(.x)).means
        let own = AccountTimingEstimate(
            accountID: "fr-x", network: .x, posts: Int(weight),
            buckets: Dictionary(uniqueKeysWithValues: prior.keys.map { ($0, belief.estimate($0)) }), prior: prior, belief: belief)
        let pool = AccountTimingEstimate(accountID: "*", network: .x, posts: 100, buckets: [:], prior: prior)
        let model = LearnedTiming(
            accounts: [AccountTimingEstimate.key("fr-x", .x): own], pools: [.x: pool], priorWeight: 4, seed: 7, holdoutShare: 0,
            peakPivot: 10, exploitAfter: exploitAfter, choice: rule)
        let scheduler = Scheduler(workspace: fixture.workspace, timing: fixture.timing, learned: model)
        let item = try #require(scheduler.schedule(fixture.variants(), notBefore: F.utc("2026-11-01T00:00:00Z")).scheduled.first)
        return try #require(item.explanation.first { $0.rule == "learned" }).detail
    }

    @Test func aChallengerSaysTopTwo() throws {
        // Few posts, peak at 10:00 or 14:00: with top-two always on, the post goes to a challenger.
        let detail = try Self.reason([20: 0.5, 28: 0.5], weight: 4, exploitAfter: 25, rule: ChoiceRule(topTwo: 1))
        #expect(detail.contains("by top-two Thompson sampling on the peak, as a challenger to the first draw's bucket"))
    }

    @Test func aSureBestSaysHowSure() throws {
        let detail = try Self.reason([22: 1], weight: 8, exploitAfter: 0, rule: ChoiceRule(exploitCertainty: 0.9))
        #expect(detail.contains("bucket Tue 10-12 chosen as the best expected bucket"))
        #expect(detail.contains("the day's best with a probability of 100 %"))
    }

    @Test func twoCloseBucketsSayTheyAlternate() throws {
        let detail = try Self.reason([22: 0.5, 26: 0.5], weight: 40, exploitAfter: 25, rule: ChoiceRule(contrastMargin: 1))
        #expect(detail.contains("two best expected buckets, too close to tell apart, which alternate"))
        #expect(detail.contains("Tue 10-12") || detail.contains("Tue 12-14"))
    }
}
