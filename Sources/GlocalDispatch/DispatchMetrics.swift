import Foundation
import GlocalCore

/// Counters and lateness of one dispatcher process, rendered for Prometheus at `/metrics`.
///
/// Outcomes are counted per network and account (a few hundred series for a 120-account brand);
/// lateness goes into fixed histogram buckets.
public final class DispatchMetrics: @unchecked Sendable {
    // Every access holds `lock`; rounds record from one task, scrapes read from another.
    private let lock = NSLock()
    private var outcomes: [OutcomeKey: Int] = [:]
    private var latenessCounts: [Int]
    private var latenessSum = 0.0
    private var latenessTotal = 0
    private var rounds = 0

    /// Upper bounds (seconds) of the lateness histogram.
    public static let latenessBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]

    private struct OutcomeKey: Hashable {
        var network: String
        var account: String
        var outcome: String
    }

    /// An empty set of metrics.
    public init() { latenessCounts = Array(repeating: 0, count: Self.latenessBuckets.count) }

    /// Records one job's report as soon as its outcome is written (`Dispatcher.runOnce(onReport:)`), so the posts of a
    /// round that fails afterwards (the database away) are counted too.
    public func record(_ report: JobReport) {
        lock.withLock {
            outcomes[
                OutcomeKey(network: report.network.rawValue, account: report.accountID, outcome: report.outcome), default: 0] +=
                1
            guard let lateness = report.lateness else { return }
            latenessSum += max(0, lateness)
            latenessTotal += 1
            for (index, bound) in Self.latenessBuckets.enumerated() where lateness <= bound { latenessCounts[index] += 1 }
        }
    }

    /// Counts a round that ended (`glocal_dispatch_rounds_total`); its reports are recorded one by one.
    public func recordRound() { lock.withLock { rounds += 1 } }

    /// The metrics in the Prometheus text exposition format, with the queue depth per job state; `nil` (the store
    /// could not be read) leaves the `glocal_jobs` samples out rather than report a queue emptied to 0.
    public func prometheusText(queueDepth: [JobState: Int]?) -> String {
        lock.withLock {
            var lines: [String] = []
            lines.append("# HELP glocal_jobs Publish jobs by state.")
            lines.append("# TYPE glocal_jobs gauge")
            if let queueDepth {
                for state in JobState.allCases {
                    lines.append("glocal_jobs{state=\"\(state.rawValue)\"} \(queueDepth[state] ?? 0)")
                }
            }
            lines.append(
                "# HELP glocal_publish_outcomes_total Publish jobs claimed, by network, account and what came of each: "
                    + "published, retry, rate_limited, unknown, held, failed (given up), skipped (withdrawn, lease lost).")
            lines.append("# TYPE glocal_publish_outcomes_total counter")
            for (key, count) in outcomes.sorted(by: {
                ($0.key.network, $0.key.account, $0.key.outcome) < ($1.key.network, $1.key.account, $1.key.outcome)
            }) {
                lines.append(
                    "glocal_publish_outcomes_total{network=\"\(Self.escape(key.network))\",account=\"\(Self.escape(key.account))\",outcome=\"\(key.outcome)\"} \(count)"
                )
            }
            lines.append(
                "# HELP glocal_publish_lateness_seconds Seconds between a published post's slot and its publication "
                    + "(the network's own time when a look-up found it).")
            lines.append("# TYPE glocal_publish_lateness_seconds histogram")
            for (index, bound) in Self.latenessBuckets.enumerated() {
                lines.append("glocal_publish_lateness_seconds_bucket{le=\"\(Self.number(bound))\"} \(latenessCounts[index])")
            }
            lines.append("glocal_publish_lateness_seconds_bucket{le=\"+Inf\"} \(latenessTotal)")
            lines.append("glocal_publish_lateness_seconds_sum \(Self.number(latenessSum))")
            lines.append("glocal_publish_lateness_seconds_count \(latenessTotal)")
            lines.append(
                "# HELP glocal_dispatch_rounds_total Dispatcher rounds that ended (a round that failed is not counted).")
            lines.append("# TYPE glocal_dispatch_rounds_total counter")
            lines.append("glocal_dispatch_rounds_total \(rounds)")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
