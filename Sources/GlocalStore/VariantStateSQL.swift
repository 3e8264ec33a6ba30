import GlocalCore

/// Sets of variant states as SQL lists (`('published', 'publishing', …)`), for the guards of every store's updates.
public enum VariantStateSQL {
    /// States in which the network may already have the post: guards never touch these.
    public static let untouchable = list(VariantState.allCases.filter(\.isPublishedOrInFlight))
    /// States a plan's cancel leaves alone: the untouchable ones and the finished ones.
    public static let uncancellable = list(VariantState.allCases.filter { !$0.isCancellable })

    /// `states` as an SQL list of string literals.
    static func list(_ states: [VariantState]) -> String {
        "(" + states.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }
}
