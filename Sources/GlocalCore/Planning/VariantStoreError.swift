/// Why the SQLite store refused or failed an operation. Messages never include statement arguments.
public enum VariantStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A statement failed while doing `action` to variant `variantID`; nothing of the operation was written.
    case statementFailed(action: String, variantID: String, message: String)
    /// The variant is not in the store.
    case variantNotFound(String)
    /// The variant cannot move from its current state to the requested one.
    case invalidTransition(variantID: String, from: VariantState, to: VariantState)
    /// A row holds a value the current code does not understand (written by a newer version?).
    case unreadableRow(variantID: String, column: String, value: String)
    /// The store changed since the plan was computed: `events` audit events written since, by `actors`.
    case storeChanged(events: Int, actors: [String])

    /// A one-line explanation for the command line.
    public var description: String {
        switch self {
        case .statementFailed(let action, let variantID, let message):
            return "could not \(action) variant '\(variantID)': \(message); nothing was written"
        case .variantNotFound(let id):
            return "no variant '\(id)' in the store"
        case .invalidTransition(let variantID, let from, let to):
            return "variant '\(variantID)' cannot go from \(from.rawValue) to \(to.rawValue)"
        case .unreadableRow(let variantID, let column, let value):
            return "variant '\(variantID)' has an unreadable \(column): '\(value)'"
        case .storeChanged(let events, let actors):
            let who = actors.isEmpty ? "" : " by \(actors.prefix(5).joined(separator: ", "))\(actors.count > 5 ? ", …" : "")"
            return "the store changed since this plan was computed (\(events) change\(events == 1 ? "" : "s")\(who)); "
                + "nothing was written; run glocal plan again"
        }
    }
}
