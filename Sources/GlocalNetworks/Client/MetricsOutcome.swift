import Foundation

/// Engagement counters of one post at one moment.
public struct EngagementMetrics: Sendable, Equatable, Codable {
    /// Counters by the network's own names (`like_count`, `likeCount`, `favourites_count` …).
    public var counters: [String: Int]
    /// When they were read.
    public var fetchedAt: Date

    /// Creates metrics.
    public init(counters: [String: Int], fetchedAt: Date) {
        self.counters = counters
        self.fetchedAt = fetchedAt
    }
}

/// The result of fetching metrics.
public enum MetricsOutcome: Sendable, Equatable {
    /// The counters.
    case fetched(EngagementMetrics)
    /// Why not; the reason is a ``PublishOutcome``.
    case failed(PublishOutcome)
}
