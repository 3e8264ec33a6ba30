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
}
