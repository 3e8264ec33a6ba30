import Foundation

/// The fleet limit in any sliding window: at most `limit` posts of a network in any span of `bucket`
/// (posts exactly `bucket` apart are in different windows). A pure decision on sorted instants.
public struct FleetWindow: Sendable, Hashable {
    /// Most posts in any window.
    public let limit: Int
    /// The window's length.
    public let bucket: GlocalDuration

    /// Creates the rule.
    public init(limit: Int, bucket: GlocalDuration) {
        self.limit = limit
        self.bucket = bucket
    }

    /// When adding `instant` to `sorted` (the network's booked posts, in order) would put more than `limit`
    /// posts in some window: the earliest later instant that can pass (every crowded group of `limit`
    /// posts has then slid out). `nil` when the limit holds.
    public func conflict(adding instant: Date, to sorted: [Date]) -> Date? {
        let length = Double(max(60, bucket.seconds))
        guard limit > 0 else { return instant.addingTimeInterval(length) }
        let low = sorted.firstIndex(notBefore: instant.addingTimeInterval(-length + 0.001))
        let high = sorted.firstIndex(notBefore: instant.addingTimeInterval(length))
        guard high - low >= limit else { return nil }
        var resume: Date? = nil
        // Any `limit` consecutive neighbours that span less than a window together with `instant` crowd it.
        for first in low...(high - limit) {
            let last = first + limit - 1
            let earliest = Swift.min(sorted[first], instant), latest = Swift.max(sorted[last], instant)
            if latest.timeIntervalSince(earliest) < length {
                let free = sorted[first].addingTimeInterval(length)
                if resume.map({ free > $0 }) ?? true { resume = free }
            }
        }
        return resume
    }

    /// The most posts in any window of length `bucket` among `instants` (in any order).
    public func busiestWindow(_ instants: [Date]) -> Int {
        let sorted = instants.sorted()
        let length = Double(max(60, bucket.seconds))
        var best = 0, start = 0
        for end in sorted.indices {
            while sorted[end].timeIntervalSince(sorted[start]) >= length { start += 1 }
            best = Swift.max(best, end - start + 1)
        }
        return best
    }
}
