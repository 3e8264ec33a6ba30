/// The holdout: about `share` of posts, chosen from the variant id alone (so re-planning never moves a
/// post in or out of it), are placed by the default table, never the learner, to measure what learned
/// timing adds (``HoldoutLiftEstimate``).
public enum Holdout {
    /// The share of posts kept in the holdout: the one place it is set (docs/scheduling.md, "Holdout").
    public static let share = 0.1

    /// Whether `variantID` is in the holdout of size `share` (0…1).
    public static func contains(_ variantID: String, share: Double) -> Bool {
        guard share > 0 else { return false }
        var random = SeededRandom(text: variantID + "#holdout")
        return random.uniform() < share
    }

    /// The `holdout` line `glocal explain` shows for a holdout post whose reasons do not already say so
    /// (docs/scheduling.md: "A holdout post says `holdout: …`"): one placed, or kept from a plan made, while nothing
    /// was learned, or given by its `time:`; `nil` for a post outside the holdout or whose reasons name it.
    public static func reason(for variantID: String, explanation: [ScheduleReason], share: Double) -> ScheduleReason? {
        guard contains(variantID, share: share), !explanation.contains(where: { $0.rule == "holdout" }) else { return nil }
        return ScheduleReason(
            "holdout",
            "this post is in the ~\(Int((share * 100).rounded())) % holdout that measures what learned timing adds: the learner does not place it"
        )
    }
}
