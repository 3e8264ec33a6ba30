import Foundation
import GlocalCore

/// The minutes a post may use on one local day: the network's windows (A first, then B) cut to
/// what quiet hours leave, grouped by two-hour bucket.
struct SimulationDay {
    struct Range {
        var tier: String
        var start: Int
        var end: Int
    }

    let date: LocalDate
    /// Allowed ranges, A windows first in table order, then B.
    let ranges: [Range]
    /// The same ranges by bucket.
    let buckets: [TimingBucket: [Range]]

    init(date: LocalDate, profile: TimingProfile, quietEnd: Int, quietStart: Int) {
        self.date = date
        var ranges: [Range] = []
        for (tier, windows) in [("A", profile.preferred), ("B", profile.allowed)] {
            for window in windows where window.weekdays.contains(date.isoWeekday) {
                let start = max(window.start.minutes, quietEnd), end = min(window.end.minutes, quietStart)
                if start < end { ranges.append(Range(tier: tier, start: start, end: end)) }
            }
        }
        self.ranges = ranges
        var buckets: [TimingBucket: [Range]] = [:]
        for range in ranges {
            for block in (range.start / 120)...((range.end - 1) / 120) {
                let bucket = TimingBucket(weekday: date.isoWeekday, block: block)
                let start = max(range.start, bucket.startMinute), end = min(range.end, bucket.endMinute)
                if start < end { buckets[bucket, default: []].append(Range(tier: range.tier, start: start, end: end)) }
            }
        }
        self.buckets = buckets
    }

    /// The scheduler's staggered minute inside `range` (already cut by quiet hours): as `SlotSearch`'s
    /// walk, the seed (FNV-1a of the key) picks one of the range's usable minutes, never :00 or :30.
    static func stagger(_ range: Range, key: String) -> Int {
        let usable = UsableMinutes(window: range.start..<range.end, blocked: [])
        guard usable.count > 0, let position = usable.position(at: Int(SeededRandom.hash(key) % UInt64(usable.count))) else {
            return range.start
        }
        return position.minute
    }
}
