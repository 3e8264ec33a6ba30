import Foundation
import GlocalCore

/// Engagement collection: a reading per published variant and checkpoint, claimed under a visibility
/// lease, and the counters read at each, as a time series. Which checkpoints, which reading scores a
/// post and how it is bucketed are the core's (`EngagementCheckpoints`, `TimingBucket.local`).
public protocol EngagementMetricsStore: Sendable {
    /// Adds the missing readings of every published variant; returns how many were added.
    func enqueuePublished(checkpoints: [Int]) throws -> Int
    /// Claims up to `limit` due readings, hiding them for `lease` seconds.
    func claimDue(now: Date, limit: Int, lease: TimeInterval) throws -> [MetricsJob]
    /// Stores the counters read for `job` and completes it.
    func record(_ job: MetricsJob, counters: [String: Int], fetchedAt: Date) throws
    /// Tries `job` again at `at`, or gives it up; false when given up.
    func retry(_ job: MetricsJob, at: Date, reason: String, countsAsAttempt: Bool, now: Date) throws -> Bool
    /// Gives `job` up for good.
    func discard(_ job: MetricsJob, reason: String, now: Date) throws
    /// Moves `account`'s readings due before `until` to `until`; returns how many moved.
    func postpone(account: String, until: Date) throws -> Int
    /// The readings of `variantID`, by checkpoint.
    func jobs(variant variantID: String) throws -> [MetricsJob]
    /// The waiting reading that comes due first (earliest `run_at`), if any: what an idle round waits for.
    func nextWaiting() throws -> MetricsJob?
    /// Every sample, oldest first; only those of `variantID` if given.
    func samples(variant variantID: String?) throws -> [MetricSample]
    /// When each published variant went out.
    func publicationTimes() throws -> [String: Date]
    /// Each published post with its engagement at its scoring checkpoint, in its local bucket.
    func engagementRecords(checkpoint: Int, youtubeCheckpoint: Int) throws -> [EngagementRecord]
}
