import GRDB
import GlocalCore

/// Moves one variant to another state inside the caller's transaction, with its audit event: the
/// one way every writer (CLI, web UI, dispatcher) changes a variant's state.
enum VariantStateChange {
    /// Moves variant `id` to `state` if the variant state machine allows it; returns the variant as it
    /// was before. A caller that has just read the variant in the same transaction passes it as
    /// `current` rather than have it read again; `node` is the dispatcher node making the move, if one is.
    ///
    /// - Throws: `VariantStoreError.variantNotFound` or `.invalidTransition`.
    @discardableResult
    static func move(
        _ db: Database, id: String, to state: VariantState, actor: String, timestamp: String,
        current alreadyRead: StoredVariant? = nil, node: String? = nil
    ) throws -> StoredVariant {
        guard let current = try alreadyRead ?? SQLiteVariantStore.fetchVariant(db, id: id) else {
            throw VariantStoreError.variantNotFound(id)
        }
        guard VariantTransitions.allows(current.state, state) else {
            throw VariantStoreError.invalidTransition(variantID: id, from: current.state, to: state)
        }
        try AuditLog.wrapping(.setState, id) {
            try db.cachedStatement(sql: "UPDATE variant SET state = ?, updated_at = ? WHERE id = ? AND state = ?").execute(
                arguments: [state.rawValue, timestamp, id, current.state.rawValue])
            try AuditLog.append(
                db, timestamp: timestamp, actor: actor, variantID: id, action: .setState, before: current,
                beforeState: current.state, after: current, afterState: state, node: node)
        }
        return current
    }
}
