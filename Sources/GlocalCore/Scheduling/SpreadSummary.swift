/// What `glocal explain` says of the spread rules for one variant (docs/scheduling.md, "Spread"): which gave way
/// and why, that they held, or that they did not apply.
public enum SpreadSummary {
    /// The summary of `reasons` (a variant's explanation) under `timing`, whose `sibling_gap: 0m` turns that rule off.
    public static func of(_ reasons: [ScheduleReason], timing: TimingTable) -> String {
        if reasons.contains(where: { $0.rule == "explicit-time" || $0.rule == "live" }) {
            return "not applied: an explicit time or a live post is the brand's own coordination"
        }
        let gaveWay = reasons.filter { $0.rule == "spread" }
        guard gaveWay.isEmpty else { return "gave way — " + gaveWay.map(\.detail).joined(separator: "; ") }
        let held = [
            timing.siblingGap.seconds > 0 ? "sibling gap" : nil, "one post per network and minute",
            "fleet limit in any sliding bucket", "network spacing",
        ].compactMap { $0 }
        let off = timing.siblingGap.seconds > 0 ? "" : "; sibling gap off (sibling_gap: 0m)"
        return "held (" + held.joined(separator: ", ") + ")" + off
    }
}
