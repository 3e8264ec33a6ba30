import Foundation

/// Whether a spread rule turned down a minute during one day's search (a box, so the non-mutating walk can say so).
final class SpreadRefusal {
    var happened = false
}

/// The search for one variant's slot: day by day from its planned day to the campaign's end, window
/// by window (A before B), minute by minute from a staggered start, skipping anything that breaks a
/// rule. It records why, for `glocal explain`.
struct SlotSearch {
    enum Outcome {
        case slot(LocalInstant)
        case live
        case none(String)
    }

    let scheduler: Scheduler
    let variant: PostVariant
    let notBefore: Date?
    var reasons: [ScheduleReason] = []
    let zone: TimeZone
    let profile: TimingProfile
    let quiet: QuietHours?
    let predecessor: (id: String, gap: GlocalDuration)?
    /// The id of the variant this one must follow, if any.
    var predecessorID: String? { predecessor?.id }
    private let lastDay: LocalDate
    /// The key of this post and locale in the ledger's spacing index, built once.
    let spacingKey: String
    /// Set when no day has room with the spacing between networks: that rule gives way last.
    var relaxSpacing = false
    /// How much of the spread (sibling gap, same-minute) has given way on the day being searched.
    var giveWay: SpreadGiveWay = .none
    /// Set when a spread rule turned a minute down: only then can giving way find another one.
    let spreadRefused = SpreadRefusal()
    /// The account as the ledger's sibling lists know it.
    let sibling: SiblingGroups.Member
    /// Whether the post has an explicit time (`at:`): the spread rules then do not apply.
    let isExplicit: Bool
    /// Set while a stored slot is checked for keeping: a post a person moved does not count against its spread.
    var ignoresMoved = false
    /// The variant's network and account, read once (the search asks for them at every minute).
    let network: Network
    let accountID: String
    /// The quiet hours, for the stagger's usable minutes.
    var quietHours: QuietHours? { quiet }
    /// The post this one follows (its variant id) and the least time after it.
    var predecessorRule: (id: String, gap: GlocalDuration)? { predecessor }

    init(scheduler: Scheduler, variant: PostVariant, notBefore: Date?) {
        self.scheduler = scheduler
        self.variant = variant
        self.notBefore = notBefore
        zone = scheduler.timeZone(of: variant.accountID)
        profile = scheduler.timing.profile(variant.network)
        quiet = scheduler.workspace.settings.policy.quietHours
        let entry = scheduler.post(of: variant)
        lastDay = entry?.lastDay ?? variant.date
        if let after = entry?.after {
            let id = VariantIdentity.id(campaign: variant.campaignID, post: after, account: variant.accountID)
            predecessor = (id, entry?.minGap ?? GlocalDuration(seconds: 60))
        } else {
            predecessor = nil
        }
        spacingKey = scheduler.postKey(variant) + "|" + variant.locale
        sibling = scheduler.siblings.member(variant.accountID)
        isExplicit = variant.time != nil
        network = variant.network
        accountID = variant.accountID
    }

    /// The stored slot, if it still obeys every rule.
    mutating func keep(_ stored: StoredVariant, ledger: ScheduleLedger) -> LocalInstant? {
        guard !variant.live, let instant = stored.scheduledAt else { return nil }
        let slot = LocalInstant(instant: instant, zone: zone)
        let asked = variant.time.map { LocalInstant(date: slot.date, time: $0, zone: zone).instant }
        guard slot.date >= variant.date, slot.date <= lastDay, asked == nil || asked == instant,
            dayProblem(slot.date, ledger: ledger) == nil
        else { return nil }
        var besideMoved = false
        if violation(slot, ledger: ledger, checkWindow: variant.time == nil) != nil {
            // A post a person moved next to this one does not push it (docs/scheduling.md, "Moving a post").
            ignoresMoved = true
            defer { ignoresMoved = false }
            if violation(slot, ledger: ledger, checkWindow: variant.time == nil) == nil {
                besideMoved = true
            } else {
                // A slot placed when the spread had to give way is kept on the same terms.
                guard stored.explanation.contains(where: { $0.rule == "spread" }) else { return nil }
                giveWay = .sameMinute
                defer { giveWay = .none }
                guard violation(slot, ledger: ledger, checkWindow: variant.time == nil) == nil else { return nil }
            }
        }
        // The reasons that chose the slot first still hold; say that it was kept. A daylight-saving line is said
        // again for this slot in today's zone of the account, never carried over.
        reasons = stored.explanation.filter { $0.rule != "kept" && $0.rule != "dst" }
        noteDST(LocalInstant(date: slot.date, time: variant.time ?? slot.time, zone: zone), at: slot.instant)
        reasons.append(
            ScheduleReason(
                "kept",
                besideMoved
                    ? "the slot of the previous plan, \(Self.describe(slot)), is kept: a post a person moved since is now "
                        + "closer to it than the spread rules ask, and a move never pushes another post"
                    : "the slot of the previous plan, \(Self.describe(slot)), still obeys every rule"))
        return slot
    }

    mutating func find(ledger: ScheduleLedger) -> Outcome {
        let start = reasons.count
        let strict = findOnce(ledger: ledger)
        guard case .none = strict, !variant.live else { return strict }
        // The search without the spacing walks the same days again: its lines replace the first pass's, which the
        // `network-spacing` line sums up, so no day or window is said twice.
        reasons.removeSubrange(start...)
        relaxSpacing = true
        reasons.append(
            ScheduleReason(
                "network-spacing",
                "no slot keeps \(scheduler.timing.networkSpacing) between networks for this post in \(variant.locale); searching again without that spacing"
            ))
        let relaxed = findOnce(ledger: ledger)
        if case .none = relaxed { return relaxed }
        // Like the other spread rules that give way, a `spread` line says so (docs/scheduling.md, "Spread").
        reasons.append(
            ScheduleReason(
                "spread",
                "network-spacing gave way: no day until the campaign's end has a slot \(scheduler.timing.networkSpacing) from this post on the other networks in \(variant.locale)"
            ))
        return relaxed
    }

    private mutating func findOnce(ledger: ScheduleLedger) -> Outcome {
        if variant.live {
            reasons.append(ScheduleReason("live", "a live post: published as soon as it is approved, outside the usual windows"))
            return .live
        }
        var day = variant.date
        reasons.append(ScheduleReason("day", "planned for \(day.weekdayAbbreviation) \(day) in \(zone.identifier)"))
        while day <= lastDay {
            if let skip = dayProblem(day, ledger: ledger) {
                reasons.append(skip)
                day = day.adding(days: 1)
                continue
            }
            if let time = variant.time {
                let slot = LocalInstant(date: day, time: time, zone: zone)
                if let problem = violation(slot, ledger: ledger, checkWindow: false) {
                    reasons.append(ScheduleReason("explicit-time", "\(time) on \(day) \(problem); trying the next day"))
                    day = day.adding(days: 1)
                    continue
                }
                // Only the night of the slot taken: a change on a day that was refused says nothing of this slot.
                noteDST(slot)
                reasons.append(ScheduleReason("explicit-time", "at \(Self.describe(slot)), as the post asks"))
                return .slot(slot)
            }
            if let slot = searchDay(day, ledger: ledger) { return .slot(slot) }
            reasons.append(ScheduleReason("window", "no free minute in any \(variant.network.displayName) window on \(day)"))
            day = day.adding(days: 1)
        }
        return .none("every day to the campaign's end (\(lastDay)) is full or excluded")
    }

    /// The day's windows with every spread rule; when none has room, again with the sibling gap given
    /// way, then with same-minute posts allowed too, saying which rule gave way and why.
    private mutating func searchDay(_ day: LocalDate, ledger: ScheduleLedger) -> LocalInstant? {
        spreadRefused.happened = false
        let start = reasons.count
        if let slot = searchWindows(day, ledger: ledger) { return slot }
        guard spreadRefused.happened else { return nil }
        defer { giveWay = .none }
        // Each pass says which windows were full; only one pass's lines are kept, so none is said twice.
        let strict = Array(reasons[start...])
        for level in [SpreadGiveWay.siblingGap, .sameMinute] {
            giveWay = level
            reasons.removeSubrange(start...)
            guard let slot = searchWindows(day, ledger: ledger) else { continue }
            reasons.append(spreadReason(slot, day: day, ledger: ledger))
            return slot
        }
        reasons.replaceSubrange(start..., with: strict)
        return nil
    }

    /// Which spread rule the slot breaks, and why that was allowed.
    private func spreadReason(_ slot: LocalInstant, day: LocalDate, ledger: ScheduleLedger) -> ScheduleReason {
        let network = variant.network.displayName
        let usable = "no usable minute of the \(network) windows on \(day) (after quiet hours, holidays, gaps and caps)"
        if let other = ledger.sameMinute(network: variant.network, instant: slot.instant) {
            return ScheduleReason(
                "spread",
                "same-minute gave way: \(usable) keeps every rule even without the sibling gap; \(slot.time) shares its "
                    + "minute with another \(network) post (\(LocalInstant(instant: other, zone: zone).time)); the fleet limit "
                    + "still holds")
        }
        if let sibling = ledger.siblingConflict(member: self.sibling, instant: slot.instant) {
            return ScheduleReason(
                "spread",
                "sibling-gap gave way: \(usable) keeps every rule with the \(scheduler.timing.siblingGap) sibling gap; "
                    + "\(slot.time) is \(Int(abs(sibling.instant.timeIntervalSince(slot.instant)) / 60)) min from "
                    + "\(ledger.accountName(sibling.account)) (\(SiblingGroups.describe(scheduler.siblings.names[sibling.group])))"
            )
        }
        return ScheduleReason("spread", "the spread held after all: \(slot.time) is clear of every sibling")
    }

    private mutating func searchWindows(_ day: LocalDate, ledger: ScheduleLedger) -> LocalInstant? {
        if let model = scheduler.learned, let estimates = model.estimates(account: variant.accountID, network: variant.network) {
            return searchLearned(day, ledger: ledger, model: model, estimates: estimates)
        }
        let weekday = day.isoWeekday
        let tiers: [(String, [TimeWindow])] = [("A", profile.preferred), ("B", profile.allowed)]
        let seed = staggerSeed
        // Most days have one UTC offset: then a candidate's instant is arithmetic, not a zone look-up.
        let utcOffset = LocalInstant.constantOffset(on: day, zone: zone)
        for (tier, windows) in tiers {
            for window in windows where window.weekdays.contains(weekday) {
                let found = walk(
                    day, from: window.start.minutes, to: window.end.minutes, seed: seed, utcOffset: utcOffset, ledger: ledger)
                if let slot = found.slot {
                    reasons.append(ScheduleReason("window", "tier \(tier) window \(window) for \(variant.network.displayName)"))
                    noteStagger(slot, found: found)
                    noteDST(slot)
                    return slot
                }
                noteUnusable(window, tier: tier, on: day, utcOffset: utcOffset, firstProblem: found.firstProblem)
            }
        }
        return nil
    }

    /// The seed of this variant's staggered start inside a window.
    var staggerSeed: UInt64 { Self.stagger(variant.accountID + "|" + variant.campaignID + "|" + variant.postID) }

    mutating func noteStagger(_ slot: LocalInstant, found: SlotWalk) {
        if found.step == 0 {
            reasons.append(
                ScheduleReason(
                    "stagger",
                    "\(slot.time): a spread over the window's usable minutes, seeded by account, campaign and post, "
                        + "so sibling accounts do not fire together"))
        } else if found.wrapped {
            reasons.append(
                ScheduleReason(
                    "stagger",
                    "the staggered minute was taken (\(found.firstProblem ?? "")), and no minute after it in the window "
                        + "was free: the search went back to the window's first usable minute and found \(slot.time)"))
        } else {
            reasons.append(
                ScheduleReason(
                    "stagger",
                    "the staggered minute was taken (\(found.firstProblem ?? "")); first free minute after it: \(slot.time)"))
        }
    }

    /// Says why `window` gave no slot on `day`: it does not exist that day (the clocks go forward over all
    /// of it), or it is full, with the first problem met.
    mutating func noteUnusable(_ window: TimeWindow, tier: String, on day: LocalDate, utcOffset: Int?, firstProblem: String?) {
        // A day with one UTC offset has no gap: the zone is asked only near a change.
        if utcOffset == nil, let gap = SpringForwardGap(on: day, in: zone),
            gap.covers(from: window.start.minutes, to: window.end.minutes)
        {
            reasons.append(ScheduleReason("window", "tier \(tier) window \(window) does not exist on \(day): \(gap)"))
            return
        }
        guard let firstProblem else { return }
        reasons.append(ScheduleReason("window", "tier \(tier) window \(window) is full on \(day): e.g. \(firstProblem)"))
    }

    /// Why no slot can be on `day` at all, if so.
    func dayProblem(_ day: LocalDate, ledger: ScheduleLedger) -> ScheduleReason? {
        if !variant.holiday, scheduler.holidays(of: variant.accountID).contains(day) {
            return ScheduleReason("holiday", "\(day) is a public holiday in \(variant.locale): skipped")
        }
        if ledger.postsOnDay(account: variant.accountID, day: day) >= profile.maxPerDay {
            return ScheduleReason(
                "daily-cap",
                "\(variant.accountID) already has \(profile.maxPerDay) post(s) on \(day), the \(variant.network.displayName) maximum"
            )
        }
        if let week = profile.maxPerWeek, ledger.postsInWeek(account: variant.accountID, day: day) >= week {
            return ScheduleReason(
                "weekly-cap",
                "\(variant.accountID) already has \(week) posts in the week of \(day), the \(variant.network.displayName) maximum"
            )
        }
        return nil
    }

    /// Says how the slot's wall time met a daylight-saving change, if it did; with `instant`, only when `slot`
    /// is that instant (a wall time read again for a kept slot).
    mutating func noteDST(_ slot: LocalInstant, at instant: Date? = nil) {
        if let instant, slot.instant != instant { return }
        switch slot.adjustment {
        case .exact: break
        case let .skippedGap(minutes):
            reasons.append(
                ScheduleReason(
                    "dst",
                    "the clocks go forward that night: the wall time does not exist, moved \(minutes) minutes later to \(slot.time)"
                ))
        case .firstOfTwo:
            reasons.append(
                ScheduleReason("dst", "the clocks go back that night: \(slot.time) happens twice; the first one is used, once"))
        }
    }

    static func describe(_ slot: LocalInstant) -> String {
        "\(slot.date.weekdayAbbreviation) \(slot.date) \(slot.time) \(slot.timeZone)"
    }

    /// FNV-1a, so the spread is the same on every machine and every run.
    static func stagger(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
