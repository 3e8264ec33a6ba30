import Foundation
import GlocalCore
import GlocalStore

/// Moves one variant to another state inside the caller's transaction, with its audit event: the row
/// is read `FOR UPDATE`, so two nodes moving the same variant take turns and the second sees the first's move.
enum PostgresStateChange {
    /// Moves variant `id` to `state` if `VariantTransitions` allows it; returns the variant as it was.
    /// A caller that has just read (and locked) the variant passes it as `current`.
    ///
    /// - Throws: `VariantStoreError.variantNotFound` or `.invalidTransition`.
    @discardableResult
    static func move(
        _ transaction: PostgresTransaction, id: String, to state: VariantState, actor: String, now: Date,
        current alreadyRead: StoredVariant? = nil, node: String? = nil
    ) throws -> StoredVariant {
        guard let current = try alreadyRead ?? PostgresVariantRow.fetch(transaction, id: id, forUpdate: true) else {
            throw VariantStoreError.variantNotFound(id)
        }
        guard VariantTransitions.allows(current.state, state) else {
            throw VariantStoreError.invalidTransition(variantID: id, from: current.state, to: state)
        }
        try PostgresStatement.wrapping(.setState, id) {
            let changed = try transaction.execute(
                """
                UPDATE variant SET state = \(state.rawValue), updated_at = \(now)
                WHERE id = \(id) AND state = \(current.state.rawValue)
                """)
            guard changed == 1 else {
                throw VariantStoreError.statementFailed(
                    action: AuditEvent.Action.setState.rawValue, variantID: id, message: "the variant changed meanwhile")
            }
            try PostgresAuditLog.append(
                transaction, at: now, actor: actor, variantID: id, action: .setState, before: current,
                beforeState: current.state, after: current, afterState: state, node: node)
        }
        return current
    }
}

/// Names the variant and action of a failed statement, never its arguments.
enum PostgresStatement {
    /// Runs `body`, turning a database error into `VariantStoreError.statementFailed`.
    static func wrapping<T>(_ action: AuditEvent.Action, _ variantID: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PostgresStoreError where !error.isConnectionLoss && !error.isTransient {
            throw VariantStoreError.statementFailed(action: action.rawValue, variantID: variantID, message: error.message)
        }
    }
}
