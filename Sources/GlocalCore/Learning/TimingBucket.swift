/// A learning slot: a local weekday and a two-hour block of it (7 × 12 = 84 buckets, docs/scheduling.md).
public struct TimingBucket: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public let weekday: Int
    /// The two-hour block: 0 = 00:00–02:00 … 11 = 22:00–24:00.
    public let block: Int

    /// Creates a bucket; `weekday` is 1…7 and `block` 0…11.
    public init(weekday: Int, block: Int) {
        precondition((1...7).contains(weekday) && (0...11).contains(block), "bucket out of range")
        self.weekday = weekday
        self.block = block
    }

    /// The bucket that holds local `time` on ISO `weekday`.
    public init(weekday: Int, time: LocalTime) { self.init(weekday: weekday, block: time.hour / 2) }

    /// 0…83, weekday-major.
    public var index: Int { (weekday - 1) * 12 + block }

    /// First minute of the day inside the bucket.
    public var startMinute: Int { block * 120 }

    /// First minute of the day after the bucket.
    public var endMinute: Int { block * 120 + 120 }

    /// Every bucket of the week, Monday 00–02 first.
    public static let all: [TimingBucket] = (1...7).flatMap { day in (0..<12).map { TimingBucket(weekday: day, block: $0) } }

    /// The buckets next to this one: the blocks before and after on the same day, and the same block
    /// on every other day (an audience keeps its hours more than its weekdays).
    public var neighbours: [TimingBucket] {
        var result: [TimingBucket] = []
        if block > 0 { result.append(TimingBucket(weekday: weekday, block: block - 1)) }
        if block < 11 { result.append(TimingBucket(weekday: weekday, block: block + 1)) }
        for day in 1...7 where day != weekday { result.append(TimingBucket(weekday: day, block: block)) }
        return result
    }

    /// `Tue 10-12`.
    public var description: String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(names[weekday - 1]) \(two(block * 2))-\(two(block * 2 + 2))"
    }

    /// Weekday, then block.
    public static func < (lhs: TimingBucket, rhs: TimingBucket) -> Bool { lhs.index < rhs.index }
}
