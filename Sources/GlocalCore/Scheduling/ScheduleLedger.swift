import Foundation

/// What is already booked while a schedule is built: each account's posts, each network's fleet
/// buckets, and each post's slots per locale. The scheduler asks it whether a slot breaks a rule.
struct ScheduleLedger {
    private(set) var accountInstants: [String: [Date]] = [:]
    private var accountDays: [String: [Int: Int]] = [:]
    private var accountWeeks: [String: [Int: Int]] = [:]
    private var fleet: [Network: [Int: Int]] = [:]
    private var postLocale: [String: [(instant: Date, network: Network)]] = [:]
    /// Slots of the variants placed so far, by variant id.
    private(set) var slots: [String: Date] = [:]

    let timing: TimingTable

    init(timing: TimingTable) { self.timing = timing }

    /// Books `instant` for a variant.
    mutating func book(id: String, account: String, network: Network, spacingKey: String, instant: Date, local: LocalDate) {
        // Posts are mostly placed in time order, so the insertion point is usually the end.
        accountInstants[account, default: []].insertSorted(instant)
        accountDays[account, default: [:]][local.daysSinceEpoch, default: 0] += 1
        accountWeeks[account, default: [:]][Self.isoWeek(local), default: 0] += 1
        fleet[network, default: [:]][bucket(instant), default: 0] += 1
        if !spacingKey.isEmpty { postLocale[spacingKey, default: []].append((instant, network)) }
        if !id.isEmpty { slots[id] = instant }
    }

    /// Books a slot that lies outside this plan (a stored post of another campaign, say).
    mutating func bookExisting(account: String, network: Network, instant: Date, local: LocalDate) {
        book(id: "", account: account, network: network, spacingKey: "", instant: instant, local: local)
    }

    func postsOnDay(account: String, day: LocalDate) -> Int { accountDays[account]?[day.daysSinceEpoch] ?? 0 }

    func postsInWeek(account: String, day: LocalDate) -> Int { accountWeeks[account]?[Self.isoWeek(day)] ?? 0 }

    /// The nearest booked post of `account` closer than `gap` to `instant`, if any.
    func gapConflict(account: String, instant: Date, gap: GlocalDuration) -> Date? {
        guard let instants = accountInstants[account], !instants.isEmpty else { return nil }
        let seconds = Double(gap.seconds)
        var low = 0, high = instants.count
        while low < high {
            let middle = (low + high) / 2
            if instants[middle] < instant { low = middle + 1 } else { high = middle }
        }
        for index in [low - 1, low] where index >= 0 && index < instants.count {
            if abs(instants[index].timeIntervalSince(instant)) < seconds { return instants[index] }
        }
        return nil
    }

    /// Whether the network's fleet bucket holding `instant` is full.
    func fleetFull(network: Network, instant: Date) -> Bool {
        (fleet[network]?[bucket(instant)] ?? 0) >= timing.fleetLimit
    }

    /// Another network's variant of the same post and locale closer than the spacing, if any.
    func spacingConflict(key: String, network: Network, instant: Date) -> Date? {
        let seconds = Double(timing.networkSpacing.seconds)
        return postLocale[key]?.first {
            $0.network != network && abs($0.instant.timeIntervalSince(instant)) < seconds
        }?.instant
    }

    private func bucket(_ instant: Date) -> Int {
        Int((instant.timeIntervalSince1970 / Double(max(60, timing.fleetBucket.seconds))).rounded(.down))
    }

    /// Monday-based week number since the epoch (1970-01-01 was a Thursday).
    static func isoWeek(_ day: LocalDate) -> Int { (day.daysSinceEpoch + 3 - (day.isoWeekday - 1)) / 7 }
}

extension Array where Element == Date {
    /// Inserts `date` keeping the array sorted (binary search; appending is the common case).
    mutating func insertSorted(_ date: Date) {
        if let last, last <= date {
            append(date)
            return
        }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] <= date { low = middle + 1 } else { high = middle }
        }
        insert(date, at: low)
    }
}
