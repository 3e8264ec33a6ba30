import Foundation

/// What is already booked while a schedule is built: each account's posts, each network's posts
/// (for the sliding fleet limit and same-minute collisions), each sibling group's posts, and each
/// post's slots per locale. The scheduler asks it whether a slot breaks a rule.
struct ScheduleLedger {
    private(set) var accountInstants: [String: [Date]] = [:]
    private var accountDays: [String: [Int: Int]] = [:]
    private var accountWeeks: [String: [Int: Int]] = [:]
    /// Every booked instant of a network, sorted.
    private var fleet: [Network: [Date]] = [:]
    /// Every booked instant of a network that a person moved there, sorted (a subset of `fleet`).
    private var movedFleet: [Network: [Date]] = [:]
    /// Every booked instant of a sibling group (by number), sorted, with its account's number and whether a
    /// person moved it there.
    private var siblings: [[(instant: Date, account: Int, moved: Bool)]]
    private var postLocale: [String: [(instant: Date, network: Network)]] = [:]
    /// Slots of the variants placed so far, by variant id.
    private(set) var slots: [String: Date] = [:]

    let timing: TimingTable
    let groups: SiblingGroups

    init(timing: TimingTable, groups: SiblingGroups = SiblingGroups()) {
        self.timing = timing
        self.groups = groups
        siblings = Array(repeating: [], count: groups.names.count)
    }

    /// Books `instant` for a variant; `moved` when a person moved it there (it then pushes no stored slot).
    mutating func book(
        id: String, account: String, network: Network, spacingKey: String, instant: Date, local: LocalDate,
        moved: Bool = false
    ) {
        // Posts are mostly placed in time order, so the insertion point is usually the end.
        accountInstants[account, default: []].insertSorted(instant)
        accountDays[account, default: [:]][local.daysSinceEpoch, default: 0] += 1
        accountWeeks[account, default: [:]][Self.isoWeek(local), default: 0] += 1
        fleet[network, default: []].insertSorted(instant)
        if moved { movedFleet[network, default: []].insertSorted(instant) }
        let member = groups.member(account)
        for key in member.groups {
            if let last = siblings[key].last, last.instant > instant {
                siblings[key].insert(
                    (instant, member.account, moved), at: Self.firstIndex(in: siblings[key], notBefore: instant))
            } else {
                siblings[key].append((instant, member.account, moved))
            }
        }
        if !spacingKey.isEmpty { postLocale[spacingKey, default: []].append((instant, network)) }
        if !id.isEmpty { slots[id] = instant }
    }

    /// Books a slot that lies outside this plan (a stored post of another campaign, say).
    mutating func bookExisting(account: String, network: Network, instant: Date, local: LocalDate) {
        book(id: "", account: account, network: network, spacingKey: "", instant: instant, local: local)
    }

    func postsOnDay(account: String, day: LocalDate) -> Int { accountDays[account]?[day.daysSinceEpoch] ?? 0 }

    func postsInWeek(account: String, day: LocalDate) -> Int { accountWeeks[account]?[Self.isoWeek(day)] ?? 0 }

    /// The booked posts of `account` from `start` (inclusive) to `end` (exclusive), in order.
    func accountPosts(_ account: String, from start: Date, to end: Date) -> ArraySlice<Date> {
        guard let instants = accountInstants[account] else { return [] }
        return instants[instants.firstIndex(notBefore: start)..<instants.firstIndex(notBefore: end)]
    }

    /// The nearest booked post of `account` closer than `gap` to `instant`, if any.
    func gapConflict(account: String, instant: Date, gap: GlocalDuration) -> Date? {
        guard let instants = accountInstants[account], !instants.isEmpty else { return nil }
        let seconds = Double(gap.seconds)
        let low = instants.firstIndex(notBefore: instant)
        for index in [low - 1, low] where index >= 0 && index < instants.count {
            if abs(instants[index].timeIntervalSince(instant)) < seconds { return instants[index] }
        }
        return nil
    }

    /// When a post of `network` at `instant` would make some sliding `fleet_bucket` hold more than
    /// `fleet_limit` posts: the earliest instant worth trying next. `nil` when the limit holds.
    func fleetConflict(network: Network, instant: Date) -> Date? {
        FleetWindow(limit: timing.fleetLimit, bucket: timing.fleetBucket)
            .conflict(adding: instant, to: fleet[network] ?? [])
    }

    /// Another booked post of `network` in the same minute as `instant`, if any; with `ignoringMoved`, one that
    /// no person moved there.
    func sameMinute(network: Network, instant: Date, ignoringMoved: Bool = false) -> Date? {
        guard let instants = fleet[network], !instants.isEmpty else { return nil }
        let minute = Self.minute(instant)
        let start = Date(timeIntervalSince1970: Double(minute * 60))
        let low = instants.firstIndex(notBefore: start)
        guard low < instants.count, Self.minute(instants[low]) == minute else { return nil }
        guard ignoringMoved, let moved = movedFleet[network] else { return instants[low] }
        let end = Date(timeIntervalSince1970: Double(minute * 60 + 60))
        let all = instants.firstIndex(notBefore: end) - low
        let byPeople = moved.firstIndex(notBefore: end) - moved.firstIndex(notBefore: start)
        return all > byPeople ? instants[low] : nil
    }

    /// A post of a sibling of `member` (another account of one of its groups) closer than `sibling_gap` to
    /// `instant`: its instant, account number and group number. `nil` when the gap holds. With `ignoringMoved`,
    /// posts a person moved there do not count.
    func siblingConflict(member: SiblingGroups.Member, instant: Date, ignoringMoved: Bool = false)
        -> (instant: Date, account: Int, group: Int)?
    {
        let seconds = Double(timing.siblingGap.seconds)
        guard seconds > 0 else { return nil }
        var nearest: (instant: Date, account: Int, group: Int)? = nil
        for key in member.groups {
            let list = siblings[key]
            guard !list.isEmpty else { continue }
            var index = Self.firstIndex(in: list, notBefore: instant.addingTimeInterval(-seconds + 0.001))
            while index < list.count, list[index].instant.timeIntervalSince(instant) < seconds {
                let entry = list[index]
                index += 1
                guard entry.account != member.account, !(ignoringMoved && entry.moved) else { continue }
                if nearest.map({ entry.instant > $0.instant }) ?? true { nearest = (entry.instant, entry.account, key) }
            }
        }
        return nearest
    }

    /// The account id of number `number`, for explanations.
    func accountName(_ number: Int) -> String {
        groups.accountNames.indices.contains(number) ? groups.accountNames[number] : "another account"
    }

    /// Another network's variant of the same post and locale closer than the spacing, if any.
    func spacingConflict(key: String, network: Network, instant: Date) -> Date? {
        let seconds = Double(timing.networkSpacing.seconds)
        return postLocale[key]?.first {
            $0.network != network && abs($0.instant.timeIntervalSince(instant)) < seconds
        }?.instant
    }

    static func minute(_ instant: Date) -> Int { Int((instant.timeIntervalSince1970 / 60).rounded(.down)) }

    private static func firstIndex(in list: [(instant: Date, account: Int, moved: Bool)], notBefore instant: Date) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].instant < instant { low = middle + 1 } else { high = middle }
        }
        return low
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

    /// The index of the first date at or after `date` in this sorted array.
    func firstIndex(notBefore date: Date) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
