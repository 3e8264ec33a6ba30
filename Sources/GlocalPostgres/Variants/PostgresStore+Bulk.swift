import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Approving or rejecting many variants at once, from the manager's queue, in one transaction, as the
/// SQLite store does.
///
/// Every picked row is locked first, in id order (two bulk decisions over the same variants take turns
/// rather than deadlock), then each gets the checks of a single decision on the row as locked. A variant
/// the caller may not act on aborts the whole batch (nothing is written); a stale one (approve only) or
/// one that can no longer be decided is skipped and listed; the others are decided together or not at all.
extension PostgresStore {
    /// Approves each pick still at its revision, in one transaction; a pick outside the actor's scope
    /// refuses the whole batch, a stale or undecidable one is skipped and listed.
    public func approveAll(
        _ picks: [(id: String, revision: VariantRevision?)], actor: String, now: Date, permit: ApprovalCheck
    ) throws -> BulkApprovalOutcome {
        try decideAll(
            picks, to: .approved, action: .approve, checkRevision: true, reason: nil, actor: actor, now: now, permit: permit)
    }

    /// Rejects each of `ids` with `reason`, in one transaction, as `approveAll` does, whatever their revision.
    public func rejectAll(_ ids: [String], reason: String, actor: String, now: Date, permit: ApprovalCheck) throws
        -> BulkApprovalOutcome
    {
        let reason = try ApprovalError.rejectionReason(reason)
        return try decideAll(
            ids.map { ($0, nil) }, to: .rejected, action: .reject, checkRevision: false, reason: reason, actor: actor,
            now: now, permit: permit)
    }

    private func decideAll(
        _ picks: [(id: String, revision: VariantRevision?)], to state: VariantState, action: AuditEvent.Action,
        checkRevision: Bool, reason: String?, actor: String, now: Date, permit: ApprovalCheck
    ) throws -> BulkApprovalOutcome {
        guard !picks.isEmpty else { return BulkApprovalOutcome() }
        return try pool.transaction { transaction in
            var outcome = BulkApprovalOutcome()
            var rows = try Self.lockAll(transaction, Array(Set(picks.map(\.id))))
            for (id, revision) in picks {
                guard
                    let current = try outcome.admitted(
                        rows[id], id: id, revision: revision, checkRevision: checkRevision, permit: permit)
                else { continue }
                try Self.write(transaction, current, to: state, action: action, reason: reason, actor: actor, now: now)
                // A pick named twice finds the variant decided already, as a second request would.
                rows[id]?.state = state
                outcome.decided.append(id)
            }
            return outcome
        }
    }

    /// The variants among `ids`, read and locked in id order, by id.
    private static func lockAll(_ transaction: PostgresTransaction, _ ids: [String]) throws -> [String: StoredVariant] {
        let variants = try transaction.rows(
            """
            SELECT \(unescaped: PostgresVariantRow.selection) FROM variant WHERE id = ANY(\(ids))
            ORDER BY id COLLATE "C" FOR UPDATE
            """
        ).map(PostgresVariantRow.variant(from:))
        return Dictionary(variants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
