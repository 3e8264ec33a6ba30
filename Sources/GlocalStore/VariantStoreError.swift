import GlocalCore

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
        }
    }
}
