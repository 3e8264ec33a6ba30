import Foundation

/// Whether a person may move one variant to a slot of their choosing: the slot is checked by the
/// scheduler's own rules (`SlotSearch`: quiet hours, windows, gaps, daily and weekly caps, the fleet
/// limit, spacing between networks, sequencing, holidays) against every other post the store holds.
///
/// A slot a person chose is *pinned*: the move writes a `moved` reason into the variant's
/// explanation and the scheduler keeps a pinned slot as it is on every later plan (like a published
/// one), so `apply` never moves it back.
public struct SlotMoveCheck: Sendable {
    /// The rule name of the reason a move writes into the explanation; the scheduler pins on it.
    public static let pinRule = "moved"

    /// States whose variant may still move: nothing has been handed to the dispatcher for sending.
    public static let movableStates: Set<VariantState> = [.draft, .pendingApproval, .approved, .scheduled]

    /// States whose variants occupy their slot (they will or may still go out).
    public static let occupyingStates: Set<VariantState> = [
        .draft, .pendingApproval, .approved, .scheduled, .publishing, .published, .unknown,
    ]

    /// The scheduler whose rules decide.
    public let scheduler: Scheduler

    /// Creates a check with `scheduler`'s workspace and timing table.
    public init(scheduler: Scheduler) { self.scheduler = scheduler }

    /// Whether `explanation` holds a person's move: the slot is then pinned.
    public static func isPinned(_ explanation: [ScheduleReason]) -> Bool {
        explanation.contains { $0.rule == pinRule }
    }

    /// The slot `time` on `date` in the account's zone for `current` (whose planned form is
    /// `variant`), if it breaks no rule given the `others` in the store; otherwise the first rule it
    /// breaks. Nothing may move before `now`.
    public func check(
        _ variant: PostVariant, current: StoredVariant, to date: LocalDate, at time: LocalTime, others: [StoredVariant],
        now: Date
    ) -> Result<LocalInstant, SlotMoveRefusal> {
        guard Self.movableStates.contains(current.state) else {
            return .failure(
                SlotMoveRefusal(
                    rule: "state",
                    message: "A \(current.state.rawValue.replacingOccurrences(of: "_", with: " ")) post cannot move: "
                        + "only posts not yet handed to the network can."))
        }
        guard !variant.live, current.scheduledAt != nil else {
            return .failure(
                SlotMoveRefusal(rule: "live", message: "A live post has no slot: it goes out as soon as it is approved."))
        }
        let zone = scheduler.timeZone(of: variant.accountID)
        let slot = LocalInstant(date: date, time: time, zone: zone)
        let asked = "\(date.weekdayAbbreviation) \(date) \(time)"
        if case .skippedGap = slot.adjustment {
            let gap = SpringForwardGap(on: date, in: zone).map { "\($0)" } ?? "the clocks go forward"
            return .failure(
                SlotMoveRefusal(rule: "dst", message: "\(asked) does not exist in \(zone.identifier): \(gap) that night."))
        }
        if slot.instant < now {
            return .failure(SlotMoveRefusal(rule: "past", message: "\(asked) (\(zone.identifier)) is in the past."))
        }
        if let campaign = scheduler.workspace.campaigns.first(where: { $0.id.value == variant.campaignID }) {
            let window = campaign.window
            if date < window.start.value || date > window.end.value {
                return .failure(
                    SlotMoveRefusal(
                        rule: "campaign-window",
                        message: "\(date) is outside campaign '\(variant.campaignID)', which runs from "
                            + "\(window.start.value) to \(window.end.value)."))
            }
        }
        let movable = others.filter { $0.id != current.id && Self.occupyingStates.contains($0.state) && $0.scheduledAt != nil }
        var ledger = ScheduleLedger(timing: scheduler.timing, groups: scheduler.siblings)
        for other in movable {
            let instant = other.scheduledAt!
            ledger.book(
                id: other.id, account: other.accountID, network: other.network,
                spacingKey: other.campaignID + "/" + other.postID + "|" + other.locale, instant: instant,
                local: LocalInstant(instant: instant, zone: scheduler.timeZone(of: other.accountID)).date)
        }
        var search = SlotSearch(scheduler: scheduler, variant: variant, notBefore: now)
        // A person's move is deliberate, like an explicit time: the spread (sibling gap, same minute) does
        // not refuse it; the fleet limit and the account's own rules do.
        search.giveWay = .sameMinute
        if let problem = search.dayProblem(date, ledger: ledger) {
            let sameDay = movable.filter { $0.accountID == variant.accountID && localDate(of: $0) == date }
            let message =
                problem.rule == "holiday"
                ? "\(date) is a public holiday in \(variant.locale), and this post is not marked `holiday: true`."
                : "\(asked) (\(zone.identifier)): \(problem.detail)."
            let isCap = problem.rule == "daily-cap" || problem.rule == "weekly-cap"
            return .failure(SlotMoveRefusal(rule: problem.rule, message: message, collidesWith: isCap ? sameDay.first?.id : nil))
        }
        if let conflict = search.conflict(slot, ledger: ledger, checkWindow: true) {
            let rule = Self.rule(of: conflict.phrase)
            return .failure(
                SlotMoveRefusal(
                    rule: rule, message: "\(asked) (\(zone.identifier)) \(conflict.phrase).",
                    collidesWith: collider(rule: rule, variant: variant, slot: slot, among: movable)))
        }
        if let problem = successorProblem(variant, slot: slot, among: movable) { return .failure(problem) }
        return .success(slot)
    }

    /// The explanation a moved variant keeps: what the scheduler said, then who moved it when, from where, to
    /// where. What described the old slot alone goes: its daylight-saving line (the new slot's is said) and
    /// any spread that gave way there (a move is not bound by the spread).
    public static func explanation(
        after reasons: [ScheduleReason], actor: String, at now: Date, from: String?, to slot: LocalInstant, note: String?
    ) -> [ScheduleReason] {
        var detail =
            "\(SlotMoveStamp(actor: actor, at: now).description) from \(from ?? "no slot") to \(slot.date) \(slot.time) "
            + "\(slot.timeZone); pinned: plan and apply keep this slot"
        if let note, !note.isEmpty { detail += " (\(note))" }
        var kept = reasons.filter { ![pinRule, "kept", "dst", "spread"].contains($0.rule) }
        if case .firstOfTwo = slot.adjustment {
            kept.append(
                ScheduleReason("dst", "the clocks go back that night: \(slot.time) happens twice; the first one is used, once"))
        }
        return kept + [ScheduleReason(pinRule, detail)]
    }

    /// The rule a conflict phrase of `SlotSearch` names.
    static func rule(of phrase: String) -> String {
        if phrase.hasPrefix("is in the past") { return "past" }
        if phrase.hasPrefix("is in quiet hours") { return "quiet-hours" }
        if phrase.hasPrefix("is outside the") { return "window" }
        if phrase.contains("of another post of the account") { return "min-gap" }
        if phrase.contains("span that already has") { return "fleet-limit" }
        if phrase.hasPrefix("shares its minute") { return "same-minute" }
        if phrase.contains("of sibling account") { return "sibling-gap" }
        if phrase.contains("of this post on another") { return "network-spacing" }
        if phrase.hasPrefix("is less than") { return "sequence" }
        return "schedule"
    }

    /// The post the slot collides with under `rule`, the nearest one when several do.
    private func collider(rule: String, variant: PostVariant, slot: LocalInstant, among others: [StoredVariant]) -> String? {
        let candidates: [StoredVariant]
        switch rule {
        case "min-gap":
            candidates = others.filter { $0.accountID == variant.accountID }
        case "fleet-limit":
            let bucket = Double(max(60, scheduler.timing.fleetBucket.seconds))
            candidates = others.filter {
                $0.network == variant.network && abs($0.scheduledAt!.timeIntervalSince(slot.instant)) < bucket
            }
        case "network-spacing":
            candidates = others.filter {
                $0.campaignID == variant.campaignID && $0.postID == variant.postID && $0.locale == variant.locale
                    && $0.network != variant.network
            }
        case "sequence":
            let after = scheduler.post(of: variant)?.after
            candidates = others.filter {
                $0.campaignID == variant.campaignID && $0.postID == after && $0.accountID == variant.accountID
            }
        default:
            return nil
        }
        return candidates.min {
            abs($0.scheduledAt!.timeIntervalSince(slot.instant)) < abs($1.scheduledAt!.timeIntervalSince(slot.instant))
        }?.id
    }

    /// A post that must follow this one and would then come too soon after it (or before it).
    private func successorProblem(_ variant: PostVariant, slot: LocalInstant, among others: [StoredVariant]) -> SlotMoveRefusal? {
        for other in others where other.campaignID == variant.campaignID && other.accountID == variant.accountID {
            guard let entry = scheduler.posts(ofCampaign: other.campaignID, post: other.postID), entry.after == variant.postID
            else { continue }
            let gap = entry.minGap ?? GlocalDuration(seconds: 60)
            if other.scheduledAt!.timeIntervalSince(slot.instant) < Double(gap.seconds) {
                let local = LocalInstant(instant: other.scheduledAt!, zone: scheduler.timeZone(of: other.accountID))
                return SlotMoveRefusal(
                    rule: "sequence",
                    message: "'\(other.postID)' (\(local.date) \(local.time)) must come at least \(gap) after this post.",
                    collidesWith: other.id)
            }
        }
        return nil
    }

    private func localDate(of variant: StoredVariant) -> LocalDate? {
        variant.scheduledAt.map { LocalInstant(instant: $0, zone: scheduler.timeZone(of: variant.accountID)).date }
    }
}
