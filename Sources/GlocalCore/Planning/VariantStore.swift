import Foundation

/// Where planned variants live (SQLite now; another database later), seen from the core.
public protocol VariantStore: Sendable {
    /// Every stored variant.
    func allVariants() throws -> [StoredVariant]
    /// Applies every create, update and cancel of `plan` in one transaction, recording each state
    /// change in the audit log as done by `actor` at `now`. Returns how many variants changed.
    @discardableResult
    func apply(_ plan: Plan, actor: String, now: Date) throws -> Int
}
