import Foundation

/// The rules a candidate slot must not break, in the order the search tries them: the past, quiet hours, the
/// network's windows, the account's gap, the fleet limit, the spread rules (same minute, sibling gap), the
/// network spacing and the post's predecessor.
extension SlotSearch {
    /// A broken rule: what it is, and the earliest instant worth trying next, when known.
    struct Conflict {
        /// The phrase is built only when it is shown: a walk meets many conflicts and says one.
        private let describe: () -> String
        var resumeAt: Date?

        init(phrase: @autoclosure @escaping () -> String, resumeAt: Date?) {
            describe = phrase
            self.resumeAt = resumeAt
        }

        var phrase: String { describe() }
    }

    /// The first rule `slot` breaks, as a phrase, or `nil`.
    func violation(_ slot: LocalInstant, ledger: ScheduleLedger, checkWindow: Bool) -> String? {
        conflict(slot, ledger: ledger, checkWindow: checkWindow)?.phrase
    }

    /// The first rule `slot` breaks, with where the search can jump to, or `nil`.
    func conflict(_ slot: LocalInstant, ledger: ScheduleLedger, checkWindow: Bool) -> Conflict? {
        // The phrases capture these values, not `self`: a copy of the whole search for every conflict is costly.
        let zone = self.zone, network = self.network, timing = scheduler.timing, minGap = profile.minGap
        if let notBefore, slot.instant < notBefore { return Conflict(phrase: "is in the past", resumeAt: notBefore) }
        if let quiet, quiet.contains(slot.time) {
            return Conflict(phrase: "is in quiet hours (\(quiet.start)-\(quiet.end))", resumeAt: nil)
        }
        if checkWindow,
            !(profile.preferred + profile.allowed).contains(where: { $0.contains(weekday: slot.date.isoWeekday, time: slot.time) }
            )
        {
            return Conflict(phrase: "is outside the \(network.displayName) windows", resumeAt: nil)
        }
        if let other = ledger.gapConflict(account: accountID, instant: slot.instant, gap: profile.minGap) {
            return Conflict(
                phrase:
                    "is within \(minGap) of another post of the account (\(LocalInstant(instant: other, zone: zone).time))",
                resumeAt: other.addingTimeInterval(Double(profile.minGap.seconds)))
        }
        // An explicit time is the brand's own coordination: fleet and network spreading do not move it.
        if !isExplicit, let resume = ledger.fleetConflict(network: network, instant: slot.instant) {
            return Conflict(
                phrase:
                    "is in a \(timing.fleetBucket) span that already has \(timing.fleetLimit) \(network.displayName) posts (the fleet limit holds in any sliding \(timing.fleetBucket))",
                resumeAt: resume)
        }
        if !isExplicit, giveWay < .sameMinute,
            ledger.sameMinute(network: network, instant: slot.instant, ignoringMoved: ignoresMoved) != nil
        {
            spreadRefused.happened = true
            return Conflict(
                phrase: "shares its minute with another \(network.displayName) post",
                resumeAt: slot.instant.addingTimeInterval(60))
        }
        if !isExplicit, giveWay < .siblingGap,
            let sibling = ledger.siblingConflict(member: self.sibling, instant: slot.instant, ignoringMoved: ignoresMoved)
        {
            spreadRefused.happened = true
            let name = ledger.accountName(sibling.account), group = scheduler.siblings.names[sibling.group]
            return Conflict(
                phrase:
                    "is within \(timing.siblingGap) of sibling account \(name)'s post (\(LocalInstant(instant: sibling.instant, zone: zone).time), \(SiblingGroups.describe(group)))",
                resumeAt: sibling.instant.addingTimeInterval(Double(timing.siblingGap.seconds)))
        }
        let locale = variant.locale
        if !relaxSpacing, !isExplicit,
            let other = ledger.spacingConflict(key: spacingKey, network: network, instant: slot.instant)
        {
            return Conflict(
                phrase:
                    "is within \(timing.networkSpacing) of this post on another \(locale) account (\(LocalInstant(instant: other, zone: zone).time))",
                resumeAt: other.addingTimeInterval(Double(timing.networkSpacing.seconds)))
        }
        if let predecessor = self.predecessor, let before = ledger.slots[predecessor.id],
            slot.instant.timeIntervalSince(before) < Double(predecessor.gap.seconds)
        {
            return Conflict(
                phrase: "is less than \(predecessor.gap) after '\(predecessor.id.split(separator: "/")[1])'",
                resumeAt: before.addingTimeInterval(Double(predecessor.gap.seconds)))
        }
        return nil
    }
}
