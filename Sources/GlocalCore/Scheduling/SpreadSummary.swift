import Foundation

/// What `glocal explain` says of the spread rules for one variant (docs/scheduling.md, "Spread"): that they
/// held, which gave way and why, that a later placement broke them, or that they did not apply (an explicit
/// time, a live post, a person's move) and what the slot breaks all the same. Read against the finished
/// schedule (``SpreadStanding``), not only against what the search saw when it placed the variant.
public enum SpreadSummary {
    /// The summary for `scheduled` in the finished `schedule` of `workspace`, read among the same posts the scheduler
    /// placed it around: the schedule's and those of `stored` outside it that keep their slot
    /// (``SpreadStanding/postsOutside(_:stored:)``). `timing` (whose `sibling_gap: 0m` turns that rule off) defaults
    /// to the workspace's.
    public static func of(
        _ scheduled: ScheduledVariant, in schedule: [ScheduledVariant], stored: [StoredVariant] = [], workspace: Workspace,
        timing: TimingTable? = nil
    )
        -> String
    {
        let timing = timing ?? workspace.settings.timing
        let standing = SpreadStanding.Post(scheduled).map { post in
            SpreadStanding(
                of: post,
                among: schedule.compactMap(SpreadStanding.Post.init)
                    + SpreadStanding.postsOutside(schedule, stored: stored),
                timing: timing, siblings: SiblingGroups(workspace: workspace))
        }
        let zone = scheduled.slot.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
        return of(scheduled.explanation, timing: timing, standing: standing, zone: zone)
    }

    /// The summary of `reasons` (a variant's explanation) under `timing` and, when given, the variant's `standing`
    /// in the finished schedule, its times said in `zone`.
    public static func of(
        _ reasons: [ScheduleReason], timing: TimingTable, standing: SpreadStanding? = nil,
        zone: TimeZone = TimeZone(identifier: "UTC")!
    ) -> String {
        let breaks = standing.map { $0.describe(zone: zone, timing: timing) } ?? ""
        if let move = SlotMoveStamp(explanation: reasons) {
            // A person's move is not bound by the sibling gap or one post per network and minute (the fleet limit and
            // network spacing refused it otherwise when it was made); what the slot breaks now is named.
            return "not applied: \(move.description)"
                + (breaks.isEmpty ? "; the slot breaks none of the spread rules all the same" : "; it " + breaks)
        }
        if reasons.contains(where: { $0.rule == "explicit-time" || $0.rule == "live" }) {
            return "not applied: an explicit time or a live post is the brand's own coordination"
                + (breaks.isEmpty ? "" : "; it " + breaks)
        }
        let gaveWay = reasons.filter { $0.rule == "spread" }
        let held = heldRules(timing)
        guard let standing else {
            return gaveWay.isEmpty ? held : "gave way — " + gaveWay.map(\.detail).joined(separator: "; ")
        }
        if standing.holds {
            guard !gaveWay.isEmpty else { return held }
            return held + " in the finished schedule; when it was placed: "
                + gaveWay.map(\.detail).joined(separator: "; ")
        }
        guard !gaveWay.isEmpty else {
            return "broken after it was placed — it " + breaks + " (the other post's explanation says why)"
        }
        return "gave way — " + gaveWay.map(\.detail).joined(separator: "; ") + "; in the finished schedule it " + breaks
    }

    /// `held (…)`, naming only the rules that are on.
    private static func heldRules(_ timing: TimingTable) -> String {
        let held = [
            timing.siblingGap.seconds > 0 ? "sibling gap" : nil, "one post per network and minute",
            "fleet limit in any sliding bucket", "network spacing",
        ].compactMap { $0 }
        let off = timing.siblingGap.seconds > 0 ? "" : "; sibling gap off (sibling_gap: 0m)"
        return "held (" + held.joined(separator: ", ") + ")" + off
    }
}
