import Foundation

/// Picks a feed-aware instant for every variant (docs/scheduling.md): the network's A then B windows in the
/// account's own time zone, quiet hours, holidays, gaps and caps per account, a fleet limit per
/// network, spacing between networks of one post and locale, sequencing, explicit times and live
/// posts. Deterministic: the same inputs give the same schedule, and a stored slot that still obeys
/// every rule is kept, so an edit moves as few posts as possible.
public struct Scheduler: Sendable {
    /// The workspace (accounts, locales, campaigns, policy).
    public let workspace: Workspace
    /// Windows, gaps and caps per network.
    public let timing: TimingTable
    /// What engagement taught, if anything; `nil` or empty: the default table decides alone.
    public let learned: LearnedTiming?
    /// Which accounts are siblings (one network and locale, or one team): `sibling_gap` apart.
    public let siblings: SiblingGroups
    private let zones: [String: TimeZone]
    private let holidays: [String: Set<LocalDate>]
    private let posts: [String: PostScheduling]
    /// Posts that another post must follow: only their slots need remembering by id.
    private let predecessors: Set<String>

    /// Creates a scheduler for `workspace` with `timing` (the workspace's table by default) and,
    /// once engagement data exist, a `learned` timing model that ranks the allowed buckets.
    public init(workspace: Workspace, timing: TimingTable? = nil, learned: LearnedTiming? = nil) {
        self.workspace = workspace
        self.timing = timing ?? workspace.settings.timing
        self.learned = learned
        siblings = SiblingGroups(workspace: workspace)
        var zones: [String: TimeZone] = [:]
        var holidays: [String: Set<LocalDate>] = [:]
        for account in workspace.accounts {
            zones[account.id.value] = workspace.timeZone(of: account)
            holidays[account.id.value] = Set(workspace.locales[account.locale.value]?.holidays.map(\.value) ?? [])
        }
        var posts: [String: PostScheduling] = [:]
        for campaign in workspace.campaigns {
            for (index, post) in campaign.posts.enumerated() {
                posts[campaign.id.value + "/" + post.id.value] = PostScheduling(
                    lastDay: campaign.window.end.value, order: index, after: post.after?.post.value,
                    minGap: post.after.map { $0.minGap?.value ?? GlocalDuration(seconds: 60) })
            }
        }
        self.predecessors = Set(posts.compactMap { key, info in info.after.map { key.prefix { $0 != "/" } + "/" + $0 } })
        self.zones = zones
        self.holidays = holidays
        self.posts = posts
    }

    /// The time zone of an account.
    public func timeZone(of account: String) -> TimeZone { zones[account] ?? TimeZone(identifier: "UTC")! }

    /// Schedules `variants`. `stored` gives the slots of an earlier plan (kept when still valid) and
    /// the posts of other campaigns that occupy accounts; nothing is placed before `notBefore`.
    public func schedule(_ variants: [PostVariant], stored: [StoredVariant] = [], notBefore: Date? = nil)
        -> (scheduled: [ScheduledVariant], diagnostics: [Diagnostic])
    {
        var ledger = ScheduleLedger(timing: timing, groups: siblings)
        // Ids are built once: a variant's id is derived, and 200 000 of them add up.
        let ids = variants.map(\.id)
        var placed: [Int: ScheduledVariant] = [:]
        let order = ordered(variants)
        var previous: [String: StoredVariant] = [:]
        if !stored.isEmpty {
            let indexByID = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            // 1. What the networks already have (or may have) is fixed: published or in-flight variants,
            //    of this plan or of campaigns that left the YAML. Anything else outside the plan is cancelled.
            for variant in stored {
                let index = indexByID[variant.id]
                if index != nil { previous[variant.id] = variant }
                // A slot a person moved is pinned like a published one (SlotMoveCheck): apply never moves it back,
                // until it has passed unpublished.
                let pinned =
                    index != nil && !variant.state.isFinal && SlotMoveCheck.isPinned(variant.explanation)
                    && !(notBefore.map { (variant.scheduledAt ?? .distantPast) < $0 } ?? false)
                guard index == nil ? Self.holdsItsSlotOutsidePlan(variant) : variant.state.isPublishedOrInFlight || pinned,
                    let instant = variant.scheduledAt
                else { continue }
                let local = LocalInstant(instant: instant, zone: timeZone(of: variant.accountID))
                if let index {
                    let desired = variants[index]
                    ledger.book(
                        id: variant.id, account: variant.accountID, network: variant.network,
                        spacingKey: postKey(desired) + "|" + variant.locale, instant: instant, local: local.date,
                        moved: pinned)
                    placed[index] = ScheduledVariant(
                        variant: desired, slot: local,
                        explanation: pinned
                            ? variant.explanation
                            : variant.explanation + [
                                ScheduleReason("published", "already \(variant.state.rawValue): its slot is fixed")
                            ])
                } else {
                    ledger.bookExisting(account: variant.accountID, network: variant.network, instant: instant, local: local.date)
                }
            }
            // 2. Earlier slots that still obey every rule are kept before anything new is placed, so a
            //    new post never pushes an existing one. A successor is kept only with its predecessor, unless
            //    the predecessor is live: it never has a slot, so the successor's gap has nothing to count from.
            var keptIDs = Set<String>()
            for index in order where placed[index] == nil {
                guard let kept = previous[ids[index]] else { continue }
                let variant = variants[index]
                var search = SlotSearch(scheduler: self, variant: variant, notBefore: notBefore)
                if let predecessor = search.predecessorID, previous[predecessor] != nil, !keptIDs.contains(predecessor),
                    ledger.slots[predecessor] == nil, indexByID[predecessor].map({ !variants[$0].live }) ?? true
                {
                    continue
                }
                guard let slot = search.keep(kept, ledger: ledger) else { continue }
                ledger.book(
                    id: ids[index], account: variant.accountID, network: variant.network, spacingKey: search.spacingKey,
                    instant: slot.instant, local: slot.date)
                keptIDs.insert(ids[index])
                placed[index] = ScheduledVariant(variant: variant, slot: slot, explanation: search.reasons)
            }
        }
        // 3. Everything else, in order.
        var result: [ScheduledVariant] = []
        var diagnostics: [Diagnostic] = []
        result.reserveCapacity(variants.count)
        for index in order {
            if let done = placed[index] {
                result.append(done)
                continue
            }
            let variant = variants[index]
            var search = SlotSearch(scheduler: self, variant: variant, notBefore: notBefore)
            switch search.find(ledger: ledger) {
            case .live:
                result.append(ScheduledVariant(variant: variant, slot: nil, explanation: search.reasons))
            case let .slot(slot):
                ledger.book(
                    id: slotID(ids[index], of: variant), account: variant.accountID, network: variant.network,
                    spacingKey: search.spacingKey, instant: slot.instant, local: slot.date)
                result.append(ScheduledVariant(variant: variant, slot: slot, explanation: search.reasons))
            case let .none(reason):
                diagnostics.append(
                    Diagnostic(
                        .error, .scheduleUnplaceable,
                        "\(variant.network.rawValue)/\(variant.accountID): no slot for post '\(variant.postID)' of campaign '\(variant.campaignID)': \(reason)",
                        at: variant.postLocation, notes: search.reasons.suffix(3).map { "\($0.rule): \($0.detail)" },
                        network: variant.network, account: variant.accountID))
            }
        }
        return (result, diagnostics)
    }

    /// Whether `stored`, a variant outside the plan (of a campaign or post that left the YAML), keeps its slot and
    /// occupies its account, network and sibling groups while the plan is placed: published or in flight (the network
    /// has it, or may), with a slot. Anything else outside the plan is cancelled. `glocal explain` reads the same set.
    public static func holdsItsSlotOutsidePlan(_ stored: StoredVariant) -> Bool {
        stored.state.isPublishedOrInFlight && stored.scheduledAt != nil
    }

    /// The id to remember a slot under, or "" when no post follows this one.
    func slotID(_ id: String, of variant: PostVariant) -> String { predecessors.contains(postKey(variant)) ? id : "" }

    func postKey(_ variant: PostVariant) -> String { variant.campaignID + "/" + variant.postID }

    func holidays(of account: String) -> Set<LocalDate> { holidays[account] ?? [] }
    func post(of variant: PostVariant) -> PostScheduling? { posts[postKey(variant)] }
    func posts(ofCampaign campaign: String, post: String) -> PostScheduling? { posts[campaign + "/" + post] }

    /// Day, then sequencing depth, then post order, then account: predecessors are placed first.
    private func ordered(_ variants: [PostVariant]) -> [Int] {
        var depth: [String: Int] = [:]
        func depthOf(_ key: String, _ seen: Set<String> = []) -> Int {
            if let known = depth[key] { return known }
            guard let entry = posts[key], let after = entry.after, !seen.contains(key) else { return 0 }
            let campaign = key.prefix { $0 != "/" }
            let value = 1 + depthOf(campaign + "/" + after, seen.union([key]))
            depth[key] = value
            return value
        }
        // Sort small keys, not the variants themselves (moving 200 000 large values is slow).
        let keys = variants.map { variant -> (day: Int, depth: Int, order: Int) in
            let key = postKey(variant)
            return (variant.date.daysSinceEpoch, depthOf(key), posts[key]?.order ?? 0)
        }
        let indices = variants.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.day != b.day { return a.day < b.day }
            if a.depth != b.depth { return a.depth < b.depth }
            if variants[i].campaignID != variants[j].campaignID { return variants[i].campaignID < variants[j].campaignID }
            if a.order != b.order { return a.order < b.order }
            return variants[i].accountID < variants[j].accountID
        }
        return indices
    }
}

/// What the scheduler needs to know of a post, looked up once per variant.
struct PostScheduling: Sendable {
    /// The campaign's last day.
    var lastDay: LocalDate
    /// The post's position in its campaign.
    var order: Int
    /// The post it must follow, if any.
    var after: String?
    /// The least time after that post.
    var minGap: GlocalDuration?
}
