import Foundation

/// Where one post stands against the spread rules in a finished schedule (docs/scheduling.md, "Spread"): the
/// posts of its network in its minute, its siblings closer than `sibling_gap`, the most posts of its network
/// in a sliding `fleet_bucket` around it, and the same post on another network of its locale closer than
/// `network_spacing`. Read after every post is placed, so it sees what later placements and moves did.
public struct SpreadStanding: Sendable, Equatable {
    /// A post of the finished schedule, as the spread rules see it.
    public struct Post: Sendable, Equatable {
        /// `campaign/post/account`.
        public var id: String
        /// The account.
        public var accountID: String
        /// The network.
        public var network: Network
        /// The slot.
        public var instant: Date
        /// `campaign/post|locale`: the same post on the locale's other networks keeps `network_spacing` from it;
        /// `nil` when unknown (that rule is then not read).
        public var spacingKey: String?
        /// Whether a person moved it there (the spread does not bind a move).
        public var moved: Bool

        /// A post as given.
        public init(id: String, accountID: String, network: Network, instant: Date, spacingKey: String?, moved: Bool) {
            self.id = id
            self.accountID = accountID
            self.network = network
            self.instant = instant
            self.spacingKey = spacingKey
            self.moved = moved
        }

        /// The post of a scheduled variant; `nil` for a live post, which has no slot.
        public init?(_ scheduled: ScheduledVariant) {
            guard let slot = scheduled.slot else { return nil }
            let variant = scheduled.variant
            self.init(
                id: variant.id, accountID: variant.accountID, network: variant.network, instant: slot.instant,
                spacingKey: variant.campaignID + "/" + variant.postID + "|" + variant.locale,
                moved: SlotMoveCheck.isPinned(scheduled.explanation))
        }
    }

    /// The stored posts outside `schedule` that the scheduler placed it around (``Scheduler/holdsItsSlotOutsidePlan(_:)``:
    /// published or in flight, of campaigns that left the YAML), as the spread rules see them: without a spacing key
    /// (the scheduler keeps network spacing within the plan only), never moved by a person.
    public static func postsOutside(_ schedule: [ScheduledVariant], stored: [StoredVariant]) -> [Post] {
        let planned = Set(schedule.map(\.variant.id))
        return stored.compactMap { variant in
            guard !planned.contains(variant.id), Scheduler.holdsItsSlotOutsidePlan(variant), let instant = variant.scheduledAt
            else { return nil }
            return Post(
                id: variant.id, accountID: variant.accountID, network: variant.network, instant: instant, spacingKey: nil,
                moved: false)
        }
    }

    /// A spread rule the post breaks, and with what.
    public enum Breach: Sendable, Equatable {
        /// Another post of the network in the same minute.
        case sameMinute(Post)
        /// A sibling account's post closer than `sibling_gap`; the group they share (`SiblingGroups` key).
        case siblingGap(Post, group: String)
        /// `posts` posts of the network (this one among them) in the `fleet_bucket` from `from`, more than `fleet_limit`.
        case fleetLimit(posts: Int, from: Date)
        /// The same post on another network of the locale, closer than `network_spacing`.
        case networkSpacing(Post)
    }

    /// The post read.
    public let post: Post
    /// Every rule it breaks, in the order of docs/scheduling.md (sibling gap, same minute, fleet limit, spacing).
    public let breaches: [Breach]

    /// How `post` stands among `schedule` (the finished schedule; the post itself may be in it) under `timing`.
    public init(of post: Post, among schedule: [Post], timing: TimingTable, siblings: SiblingGroups) {
        self.post = post
        let others = schedule.filter { $0.id != post.id }
        var breaches: [Breach] = []
        let gap = Double(timing.siblingGap.seconds)
        if gap > 0 {
            let groups = siblings.keys(of: post.accountID)
            let near = others.filter {
                $0.accountID != post.accountID && abs($0.instant.timeIntervalSince(post.instant)) < gap
            }.sorted { Self.distance($0, post) < Self.distance($1, post) }
            for other in near {
                guard let group = siblings.keys(of: other.accountID).first(where: groups.contains) else { continue }
                breaches.append(.siblingGap(other, group: group))
            }
        }
        let minute = ScheduleLedger.minute(post.instant)
        for other in others where other.network == post.network && ScheduleLedger.minute(other.instant) == minute {
            breaches.append(.sameMinute(other))
        }
        if let crowd = Self.busiest(around: post, among: others, timing: timing), crowd.posts > timing.fleetLimit {
            breaches.append(.fleetLimit(posts: crowd.posts, from: crowd.from))
        }
        if let key = post.spacingKey {
            let spacing = Double(timing.networkSpacing.seconds)
            for other in others
            where other.spacingKey == key && other.network != post.network
                && abs(other.instant.timeIntervalSince(post.instant)) < spacing
            {
                breaches.append(.networkSpacing(other))
            }
        }
        self.breaches = breaches
    }

    /// Whether every spread rule holds for the post.
    public var holds: Bool { breaches.isEmpty }

    /// The breach as a phrase after "it" (`shares its minute with X post c/p/a (09:04)`), times in `zone`.
    public func describe(_ breach: Breach, zone: TimeZone, timing: TimingTable) -> String {
        func time(_ instant: Date) -> String { "\(LocalInstant(instant: instant, zone: zone).time)" }
        func byPerson(_ other: Post) -> String { other.moved ? ", moved there by a person" : "" }
        switch breach {
        case .sameMinute(let other):
            return
                "shares its minute with \(other.network.displayName) post \(other.id) (\(time(other.instant))\(byPerson(other)))"
        case .siblingGap(let other, let group):
            let minutes = Int(Self.distance(other, post) / 60)
            return "is \(minutes) min from sibling \(other.id) (\(time(other.instant)), \(SiblingGroups.describe(group))"
                + "\(byPerson(other))), closer than the \(timing.siblingGap) sibling gap"
        case .fleetLimit(let posts, let from):
            return "is one of \(posts) \(post.network.displayName) posts in the \(timing.fleetBucket) from \(time(from)), "
                + "more than the fleet limit of \(timing.fleetLimit)"
        case .networkSpacing(let other):
            return "is within \(timing.networkSpacing) of this post on \(other.network.displayName) (\(other.id), "
                + "\(time(other.instant))\(byPerson(other)))"
        }
    }

    /// Every breach of the post as phrases after "it", joined with "; it ".
    public func describe(zone: TimeZone, timing: TimingTable) -> String {
        breaches.map { describe($0, zone: zone, timing: timing) }.joined(separator: "; it ")
    }

    private static func distance(_ first: Post, _ second: Post) -> Double {
        abs(first.instant.timeIntervalSince(second.instant))
    }

    /// The most posts of the network in one sliding bucket that holds `post`, and where that bucket starts.
    private static func busiest(around post: Post, among others: [Post], timing: TimingTable) -> (posts: Int, from: Date)? {
        let length = Double(max(60, timing.fleetBucket.seconds))
        let near =
            (others.filter {
                $0.network == post.network && abs($0.instant.timeIntervalSince(post.instant)) < length
            }.map(\.instant) + [post.instant]).sorted()
        var best: (posts: Int, from: Date)? = nil
        // A bucket holding the post starts at a post no later than it and ends after it.
        for start in near where start <= post.instant {
            let count = near.filter { $0 >= start && $0.timeIntervalSince(start) < length }.count
            if best.map({ count > $0.posts }) ?? true { best = (count, start) }
        }
        return best
    }
}
