import Foundation
import GRDB
import GlocalCore

/// Approving or rejecting many variants at once, from the manager's queue, in one write transaction.
///
/// Each variant gets the same checks as a single approve or reject, on the row as it is inside the
/// transaction. A variant the caller may not act on aborts the whole batch (nothing is written: a
/// request naming another team's variant changes nothing). A variant that changed since the queue was
/// shown (approve only) or can no longer be decided (past its deadline, no longer pending, gone) is
/// skipped and listed; the others are all decided together or, on a store failure, none is.
extension SQLiteVariantStore {
    /// What a bulk decision did (a core value).
    public typealias BulkOutcome = BulkApprovalOutcome

    /// Approves each `(id, revision)` whose content is still that revision, in one transaction.
    public func approveAll(
        _ picks: [(id: String, revision: VariantRevision?)], actor: String, now: Date, permit: Permit
    ) throws -> BulkOutcome {
        try decideAll(
            picks, to: .approved, action: .approve, checkRevision: true, reason: nil, actor: actor, now: now, permit: permit)
    }

    /// Rejects each of `ids` with `reason`, in one transaction; like a single reject, whatever its revision.
    public func rejectAll(_ ids: [String], reason: String, actor: String, now: Date, permit: Permit) throws -> BulkOutcome {
        let reason = try ApprovalError.rejectionReason(reason)
        return try decideAll(
            ids.map { ($0, nil) }, to: .rejected, action: .reject, checkRevision: false, reason: reason, actor: actor, now: now,
            permit: permit)
    }

    private func decideAll(
        _ picks: [(id: String, revision: VariantRevision?)], to state: VariantState, action: AuditEvent.Action,
        checkRevision: Bool, reason: String?, actor: String, now: Date, permit: Permit
    ) throws -> BulkOutcome {
        try writer.write { db in
            var outcome = BulkOutcome()
            let timestamp = StoreTimestamp.string(from: now)
            for (id, revision) in picks {
                guard
                    let current = try outcome.admitted(
                        try Self.fetchVariant(db, id: id), id: id, revision: revision, checkRevision: checkRevision,
                        permit: permit)
                else { continue }
                try AuditLog.wrapping(action, id) {
                    try db.execute(
                        sql: "UPDATE variant SET state = ?, updated_at = ? WHERE id = ? AND state = 'pending_approval'",
                        arguments: [state.rawValue, timestamp, id])
                    try AuditLog.append(
                        db, at: now, actor: actor, variantID: id, action: action, before: current, beforeState: current.state,
                        after: current, afterState: state, reason: reason)
                }
                outcome.decided.append(id)
            }
            return outcome
        }
    }
}
