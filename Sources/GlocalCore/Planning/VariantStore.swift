import Foundation

/// Where planned variants live (SQLite now; another database later), seen from the core and the use
/// cases: `SQLiteVariantStore` implements it, and the store suite in GlocalStoreTests runs against it.
public protocol VariantStore: Sendable {
    /// Every stored variant, sorted by id.
    func allVariants() throws -> [StoredVariant]
    /// The variant with `id`, if stored.
    func variant(_ id: String) throws -> StoredVariant?
    /// Variants in `state`, ordered by campaign, slot and id, whose account passes `visible`.
    func variants(in state: VariantState, visible: (String) -> Bool) throws -> [StoredVariant]
    /// The variants of one campaign, by account and slot, whose account passes `visible`.
    func variants(campaign: String, visible: (String) -> Bool) throws -> [StoredVariant]
    /// The variants of one account, by slot.
    func variants(account: String) throws -> [StoredVariant]
    /// Applies every create, update and cancel of `plan` in one transaction, recording each state
    /// change in the audit log as done by `actor` at `now`. Returns how many variants changed.
    @discardableResult
    func apply(_ plan: Plan, actor: String, now: Date) throws -> Int
    /// Every stored variant and the store's generation, read together: what a plan is diffed against.
    func snapshot() throws -> StoreSnapshot
    /// Applies `plan`, computed against the store at `generation`, as `apply(_:actor:now:)` does, if the
    /// store is still at that generation inside the write; otherwise throws (the store changed) and
    /// writes nothing, so a stale plan never writes its changes again. A `nil` generation checks nothing.
    @discardableResult
    func apply(_ plan: Plan, basedOn generation: StoreGeneration?, actor: String, now: Date) throws -> Int
    /// Moves variant `id` to `state` as `actor`, if `VariantTransitions` allows it from the state it is
    /// in (checked again in the write, so a concurrent change wins cleanly), with its audit event.
    func setState(_ id: String, to state: VariantState, actor: String, now: Date) throws
}
