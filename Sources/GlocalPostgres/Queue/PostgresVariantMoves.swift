import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Moves a batch of variants, each already read and locked by the caller, to new states with their audit
/// events in one statement: what `PostgresStateChange.move` does for one variant, for the dispatcher's
/// batches (every move allowed by `VariantTransitions`, every row still in the state it was read in).
struct PostgresVariantMoves {
    /// The variants to move, as read, and where each goes.
    private(set) var moves: [(current: StoredVariant, to: VariantState)] = []

    /// Queues `current`'s move to `state`.
    ///
    /// - Throws: `VariantStoreError.invalidTransition` if `VariantTransitions` forbids it.
    mutating func add(_ current: StoredVariant, to state: VariantState) throws {
        guard VariantTransitions.allows(current.state, state) else {
            throw VariantStoreError.invalidTransition(variantID: current.id, from: current.state, to: state)
        }
        moves.append((current, state))
    }

    /// Writes the moves and their `set_state` events by `actor` (and `node`), in the order added: one statement whose
    /// text is the same whatever the batch (each column one array, `unnest` back into rows), so a batch of any size is
    /// six bound values and the server parses a short text.
    ///
    /// - Throws: `VariantStoreError.statementFailed` if a variant changed since it was read (none is moved then:
    ///   the caller's transaction rolls back).
    func write(_ transaction: PostgresTransaction, actor: String, now: Date, node: String?) throws {
        guard let first = moves.first else { return }
        let action = AuditEvent.Action.setState.rawValue
        let subject = moves.count == 1 ? first.current.id : "(a batch of \(moves.count) variants)"
        let query: PostgresQuery = """
            WITH x AS (
                SELECT * FROM unnest(\(moves.map(\.current.id))::text[], \(moves.map(\.current.state.rawValue))::text[],
                    \(moves.map(\.to.rawValue))::text[],
                    \(moves.map { PostgresAuditSnapshot.json($0.current, state: $0.current.state) })::text[],
                    \(moves.map { PostgresAuditSnapshot.json($0.current, state: $0.to) })::text[])
                    WITH ORDINALITY AS x(id, from_state, to_state, before, after, position)),
            moved AS (
                UPDATE variant AS v SET state = x.to_state, updated_at = \(now)
                FROM x WHERE v.id = x.id AND v.state = x.from_state RETURNING v.id)
            INSERT INTO audit_event (at, actor, variant_id, action, from_state, to_state, before, after, node_id)
            SELECT \(now), \(actor), x.id, \(action), x.from_state, x.to_state, x.before, x.after, \(node)::text
            FROM x JOIN moved ON moved.id = x.id ORDER BY x.position
            RETURNING variant_id
            """
        do {
            let written = Set(try transaction.rows(query).map { try $0[0].decode(String.self) })
            if let stale = moves.first(where: { !written.contains($0.current.id) }) {
                throw VariantStoreError.statementFailed(
                    action: action, variantID: stale.current.id, message: "the variant changed meanwhile")
            }
        } catch let error as PostgresStoreError where !error.isConnectionLoss && !error.isTransient {
            throw VariantStoreError.statementFailed(action: action, variantID: subject, message: error.message)
        }
    }
}
