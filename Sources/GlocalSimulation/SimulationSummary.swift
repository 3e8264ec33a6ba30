import Foundation
import GlocalCore

/// The figures of a simulation run, as printed by `glocal-simulate` (text, or JSON for bench/simulate.py).
struct SimulationSummary {
    let posts: [TimingSimulation.Post]
    let fleet: [SimulatedAccount]
    let peaks: TimingSimulation.PeakWeeks
    let weeks: Int
    let accounts: Int
    let seed: UInt64
    let noise: Double
    /// The share of the learner's posts in the holdout.
    let holdoutShare: Double
    /// The learner's content step, used by the holdout's estimate as the report uses it (`nil`: off).
    var contentEffect: ContentEffect? = ContentEffect()

    private func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    private func engagement(_ policy: TimingSimulation.Policy, from week: Int = 0, holdout: Bool? = nil) -> [Double] {
        posts.filter { $0.policy == policy && $0.week >= week && (holdout == nil || $0.holdout == holdout!) }.map(\.engagement)
    }

    private var lastFour: Int { max(0, weeks - 4) }

    /// The figures the goals are about (last 4 weeks unless said).
    var figures: [String: Double] {
        let table = mean(engagement(.table, from: lastFour)), learned = mean(engagement(.learned, from: lastFour))
        let oracle = mean(engagement(.oracle, from: lastFour)), uniform = mean(engagement(.random, from: lastFour))
        func within(_ found: [Int?], _ limit: Int) -> Double { Double(found.filter { ($0 ?? Int.max) <= limit }.count) }
        return [
            "table": table, "random": uniform, "learned": learned, "oracle": oracle,
            "learned_lift": learned / table - 1, "oracle_lift": oracle / table - 1, "random_lift": uniform / table - 1,
            "captured": oracle > table ? (learned - table) / (oracle - table) : 0,
            "holdout_share": holdoutShare,
            "accounts": Double(accounts), "peak_within_6": within(peaks.exact, 6), "near_peak_within_6": within(peaks.near, 6),
            "peak_by_end": within(peaks.exact, weeks), "near_peak_by_end": within(peaks.near, weeks),
            "peak_hour_within_6": within(peaks.hour, 6), "peak_hour_by_end": within(peaks.hour, weeks),
        ].merging(kinds, uniquingKeysWith: { a, _ in a }).merging(ownPosts, uniquingKeysWith: { a, _ in a }).merging(
            holdoutFigures(from: lastFour, suffix: ""), uniquingKeysWith: { a, _ in a }
        ).merging(holdoutFigures(from: 1, suffix: "_all"), uniquingKeysWith: { a, _ in a })
    }

    /// The share of the oracle's lift captured on the learner's own posts (the holdout's, placed by the
    /// table, left out: the same posts the true lift is measured on), in the last 4 weeks, overall and per network.
    private var ownPosts: [String: Double] {
        let chosen = posts.filter { $0.policy == .learned && !$0.holdout && $0.week >= lastFour }
        let ids = Set(chosen.map(\.variantID))
        var sums: [String: [TimingSimulation.Policy: Double]] = [:]
        for post in posts where ids.contains(post.variantID) && post.policy != .random {
            for key in ["captured_learned_posts", "captured_learned_posts_" + fleet[post.account].network.rawValue] {
                sums[key, default: [:]][post.policy, default: 0] += post.engagement
            }
        }
        return sums.compactMapValues { sum in
            let table = sum[.table] ?? 0, oracle = sum[.oracle] ?? 0, learned = sum[.learned] ?? 0
            return oracle > table ? (learned - table) / (oracle - table) : nil
        }
    }

    /// Accounts of each kind, and of them those whose peak was found within 6 weeks: steady audiences,
    /// those that read at other hours on Mondays and Fridays, drifting ones, and small ones (fewer
    /// than 20 expected interactions per post at their peak), whatever their kind.
    private var kinds: [String: Double] {
        var result: [String: Double] = [:]
        for (index, account) in fleet.enumerated() {
            let audience = account.audience
            var names = [
                !audience.weekdayShift.isEmpty ? "weekday" : audience.driftPerWeek != 0 ? "drifting" : "steady"
            ]
            if audience.size * audience.rate < 20 { names.append("small") }
            for name in names {
                result["accounts_" + name, default: 0] += 1
                if (peaks.exact[index] ?? Int.max) <= 6 { result["peak_within_6_" + name, default: 0] += 1 }
            }
        }
        return result
    }

    /// From `week` on, the holdout's estimate of the lift (``HoldoutLiftEstimate``, the report's code:
    /// learner's against holdout posts within each account and 4-week period) and the true lift: the
    /// learner's posts against the table's slot for the very same posts with the same luck (per post,
    /// `log(engagement + 1)`, the quantity the estimate compares).
    private func holdoutComparison(from week: Int) -> (estimate: HoldoutLiftEstimate, truth: Double) {
        let learnedPosts = posts.filter { $0.policy == .learned && $0.week >= week }
        // As the report does: each post's content effect, seen on its sibling accounts, taken out of both sides.
        let effects =
            contentEffect?.estimate(
                learnedPosts.map {
                    EngagementObservation(
                        variantID: $0.variantID, accountID: fleet[$0.account].id, network: fleet[$0.account].network,
                        bucket: TimingBucket(weekday: $0.weekday, block: $0.minute / 120), score: 0,
                        publishedAt: Date(timeIntervalSince1970: 0), logEngagement: log($0.engagement + 1))
                }
            ).effects ?? Array(repeating: 0, count: learnedPosts.count)
        let estimate = HoldoutLiftEstimate(
            zip(learnedPosts, effects).map { post, effect in
                HoldoutLiftEstimate.Post(
                    account: String(post.account), period: (post.week - week) / 4, holdout: post.holdout,
                    engagement: post.engagement, contentEffect: effect)
            })
        let tableByID = Dictionary(
            uniqueKeysWithValues: posts.filter { $0.policy == .table }.map { ($0.variantID, $0.engagement) })
        let gains = learnedPosts.filter { !$0.holdout }.map { log(($0.engagement + 1) / ((tableByID[$0.variantID] ?? 0) + 1)) }
        return (estimate, exp(mean(gains)) - 1)
    }

    /// Every learner's post from week 1 on, one CSV line each, with the table's minute and engagement for the
    /// very same post and luck (what the true lift compares) and the expected interactions at both minutes (the
    /// simulation's secret, to bound what any covariate could explain): `glocal-simulate --holdout-posts PATH`,
    /// for studying the holdout's estimator outside the simulation.
    var holdoutPostsCSV: String {
        let tableByID = Dictionary(uniqueKeysWithValues: posts.filter { $0.policy == .table }.map { ($0.variantID, $0) })
        let rows = posts.filter { $0.policy == .learned && $0.week >= 1 }.compactMap { post -> String? in
            guard let table = tableByID[post.variantID] else { return nil }
            let account = fleet[post.account]
            func expected(_ minute: Int) -> Double {
                account.audience.expected(weekday: post.weekday, hour: Double(minute) / 60, week: post.week)
            }
            return [
                account.id, account.network.rawValue, "\(post.week)", "\(post.weekday)", "\(post.minute)",
                post.holdout ? "1" : "0",
                "\(post.engagement)", "\(table.minute)", "\(table.engagement)",
                "\(expected(post.minute))", "\(expected(table.minute))",
            ].joined(separator: ",")
        }
        let header =
            "account,network,week,weekday,minute,holdout,engagement,table_minute,table_engagement,expected,table_expected"
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// The estimator used before (every learner's post against every holdout post, on the score against
    /// the trailing median, no strata), for a side-by-side comparison.
    private func pooledEstimate(from week: Int) -> Double {
        let scored = posts.filter { $0.policy == .learned && $0.week >= week && $0.score != nil }
        return exp(mean(scored.filter { !$0.holdout }.map { $0.score! }) - mean(scored.filter(\.holdout).map { $0.score! })) - 1
    }

    /// The holdout figures over weeks from `week` on, keys ending in `suffix`.
    private func holdoutFigures(from week: Int, suffix: String) -> [String: Double] {
        let (estimate, truth) = holdoutComparison(from: week)
        let lift = estimate.lift ?? .nan, interval = estimate.interval
        let figures: [String: Double] = [
            "holdout_posts" + suffix: Double(estimate.holdoutPosts), "holdout_estimate" + suffix: lift,
            "holdout_low" + suffix: interval?.low ?? .nan, "holdout_high" + suffix: interval?.high ?? .nan,
            "true_lift" + suffix: truth, "holdout_estimate_pooled" + suffix: pooledEstimate(from: week),
            "holdout_covers" + suffix: interval.map { $0.low <= truth && truth <= $0.high ? 1 : 0 } ?? 0,
        ]
        return figures.filter { !$0.value.isNaN }  // JSON has no NaN: a figure without a value is left out
    }

    /// `holdout, weeks 2–12 (…; 643 of the learner's posts, 10 %): estimated lift +15.8 % (95 %: …), true lift …`.
    private func holdoutLine(_ f: [String: Double], suffix: String, window: String) -> String {
        let posts = Int(f["holdout_posts" + suffix] ?? 0), truth = f["true_lift" + suffix] ?? .nan
        guard let estimate = f["holdout_estimate" + suffix] else {
            return "holdout, \(window): no estimate (\(posts) holdout posts)"
        }
        let error = (estimate - truth) * 100
        let interval = f["holdout_low" + suffix].flatMap { low in
            f["holdout_high" + suffix].map { "95 %: \(Self.percent(low)) … \(Self.percent($0))" }
        }
        return "holdout, \(window), \(posts) posts placed by the table (\(Self.percent(holdoutShare).dropFirst()) holdout): "
            + "estimated lift \(Self.percent(estimate)) (\(interval ?? "no interval")), true lift \(Self.percent(truth)), "
            + String(format: "error %+.1f points (%@ ±3)", error, abs(error) <= 3 ? "within" : "NOT within")
    }

    /// One JSON object of ``figures`` (keys sorted).
    var json: String {
        let data = try! JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func row(_ label: String, _ all: Double, _ last: Double) -> String {
        "  " + label.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%9.1f   %12.1f", all, last)
    }

    private static func percent(_ value: Double) -> String { String(format: "%+.1f %%", value * 100) }

    var text: String {
        let f = figures
        var lines = [
            "glocal-simulate: \(accounts) accounts, \(weeks) weeks, one post per account per weekday, seed \(seed), quality noise σ \(noise)",
            "",
            "mean interactions per post at 24 h        all weeks   last 4 weeks",
        ]
        for (label, policy) in [
            ("default table", TimingSimulation.Policy.table), ("uniform random allowed time", .random),
            ("learned (incl. holdout)", .learned), ("oracle (knows each peak)", .oracle),
        ] {
            lines.append(Self.row(label, mean(engagement(policy)), mean(engagement(policy, from: lastFour))))
        }
        lines.append(
            Self.row(
                "learned, holdout posts only", mean(engagement(.learned, holdout: true)),
                mean(engagement(.learned, from: lastFour, holdout: true))))
        lines.append("")
        lines.append(
            "lift over the default table, last 4 weeks: learned \(Self.percent(f["learned_lift"]!)), random \(Self.percent(f["random_lift"]!)), oracle \(Self.percent(f["oracle_lift"]!)); learned captures \(String(format: "%.0f", f["captured"]! * 100)) % of the oracle's lift"
        )
        lines.append(
            holdoutLine(f, suffix: "_all", window: "weeks 2–\(weeks) (the goal's window: what a \(weeks)-week report shows)"))
        lines.append(holdoutLine(f, suffix: "", window: "last 4 weeks"))
        lines.append("")
        lines.append(
            "peak found for good (best bucket on ≥ 4 of 5 weekdays): \(Int(f["peak_within_6"]!))/\(accounts) accounts within 6 weeks, \(Int(f["peak_by_end"]!)) by week \(weeks); within 3 % of the peak: \(Int(f["near_peak_within_6"]!)) within 6 weeks, \(Int(f["near_peak_by_end"]!)) by week \(weeks)"
        )
        lines.append(
            "  found within 6 weeks, by kind: "
                + ["steady", "weekday", "drifting", "small"].map { name in
                    "\(name) \(Int(f["peak_within_6_" + name] ?? 0))/\(Int(f["accounts_" + name] ?? 0))"
                }.joined(separator: ", "))
        let found = peaks.exact.compactMap { $0 }
        let histogram = (0...weeks).map { week in "\(week):\(found.filter { $0 == week }.count)" }.joined(separator: " ")
        lines.append("  accounts by week found: \(histogram)")
        return lines.joined(separator: "\n")
    }
}
