import Foundation

/// The figures of a simulation run, as printed by `glocal-simulate` and quoted in docs/operations.md.
struct SimulationSummary {
    let posts: [TimingSimulation.Post]
    let weeksToPeak: [Int?]
    let weeks: Int
    let accounts: Int
    let seed: UInt64
    let noise: Double

    private func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    private func engagement(_ policy: TimingSimulation.Policy, from week: Int = 0, holdout: Bool? = nil) -> [Double] {
        posts.filter { $0.policy == policy && $0.week >= week && (holdout == nil || $0.holdout == holdout!) }.map(\.engagement)
    }

    private func scores(from week: Int, holdout: Bool) -> [Double] {
        posts.filter { $0.policy == .learned && $0.week >= week && $0.holdout == holdout }.compactMap(\.score)
    }

    private static func row(_ label: String, _ all: Double, _ last: Double) -> String {
        "  " + label.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%9.1f   %12.1f", all, last)
    }

    private static func percent(_ ratio: Double) -> String { String(format: "%+.1f %%", (ratio - 1) * 100) }

    var text: String {
        let lastFour = max(0, weeks - 4)
        var lines = [
            "glocal-simulate: \(accounts) accounts, \(weeks) weeks, one post per account per weekday, seed \(seed), noise σ \(noise)"
        ]
        lines.append("")
        lines.append("mean interactions per post at 24 h        all weeks   last 4 weeks")
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
        let learned = mean(engagement(.learned, from: lastFour)), table = mean(engagement(.table, from: lastFour))
        let uniform = mean(engagement(.random, from: lastFour))
        let oracle = mean(engagement(.oracle, from: lastFour))
        lines.append("")
        lines.append(
            "true lift, last 4 weeks (same accounts, same luck): learned vs table \(Self.percent(learned / table)), learned vs random \(Self.percent(learned / uniform)), table vs random \(Self.percent(table / uniform)); ceiling (oracle vs table) \(Self.percent(oracle / table))"
        )
        let measured = exp(mean(scores(from: lastFour, holdout: false)) - mean(scores(from: lastFour, holdout: true)))
        let held = posts.filter { $0.policy == .learned && $0.holdout && $0.week >= lastFour }.count
        let rawHoldout =
            mean(engagement(.learned, from: lastFour, holdout: false)) / mean(engagement(.learned, from: lastFour, holdout: true))
        lines.append(
            "holdout method, last 4 weeks (\(held) holdout posts): learned vs holdout \(Self.percent(measured)) by score (log ratio to the account's median), \(Self.percent(rawHoldout)) by raw mean"
        )
        let found = weeksToPeak.compactMap { $0 }.sorted()
        lines.append("")
        if found.isEmpty {
            lines.append("weeks to find each account's peak: no account found it")
        } else {
            func quantile(_ q: Double) -> Int { found[min(found.count - 1, Int((Double(found.count - 1) * q).rounded()))] }
            lines.append(
                "weeks to find each account's peak (best bucket on ≥4 of 5 weekdays, for good): \(found.count)/\(accounts) accounts found it; median \(quantile(0.5)), p75 \(quantile(0.75)), p90 \(quantile(0.9)), max \(found.last!) weeks"
            )
            let histogram = (1...weeks).map { week in "\(week):\(found.filter { $0 == week }.count)" }.joined(separator: " ")
            lines.append("  accounts by week found: \(histogram)")
        }
        return lines.joined(separator: "\n")
    }
}
