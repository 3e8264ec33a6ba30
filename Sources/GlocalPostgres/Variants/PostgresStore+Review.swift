import Foundation
import GlocalCore
import GlocalStore

/// Approving, rejecting and editing one variant, each with an audit event naming the person, as the
/// SQLite store does: the row is read `FOR UPDATE` in the write's transaction and `permit` (the
/// caller's scope and deadline) runs on it, so the check and the update see the same variant and a
/// second node deciding the same variant waits, then sees the first's decision.
extension PostgresStore: VariantReviewStore {
    /// Approves a pending variant if its content is still `revision`; throws `ApprovalError` otherwise.
    public func approve(_ id: String, revision: VariantRevision, actor: String, now: Date, permit: ApprovalCheck) throws {
        try decide(id, to: .approved, action: .approve, revision: revision, reason: nil, actor: actor, now: now, permit: permit)
    }

    /// Rejects a pending variant with a non-empty `reason`, whatever its revision: rejecting publishes nothing.
    public func reject(_ id: String, reason: String, actor: String, now: Date, permit: ApprovalCheck) throws {
        let reason = try ApprovalError.rejectionReason(reason)
        try decide(id, to: .rejected, action: .reject, revision: nil, reason: reason, actor: actor, now: now, permit: permit)
    }

    /// Replaces the text and link placement of a variant not yet out (the caller validated them); with
    /// `revision`, refused as stale if the variant changed since. An approved variant goes back to pending.
    @discardableResult
    public func edit(
        _ id: String, text: String, linkPlacement: LinkPlacement, basedOn revision: VariantRevision?, actor: String,
        now: Date, permit: ApprovalCheck
    ) throws -> StoredVariant {
        try pool.transaction { transaction in
            let current = try Self.lockedForReview(transaction, id, permit: permit)
            try current.check(shows: revision)
            guard let edited = try current.edited(text: text, linkPlacement: linkPlacement) else { return current }
            try PostgresStatement.wrapping(.edit, id) {
                let changed = try transaction.execute(
                    """
                    UPDATE variant SET text = \(text), link_placement = \(linkPlacement.rawValue),
                        content_hash = \(edited.contentHash), source_hash = \(edited.sourceHash),
                        state = \(edited.state.rawValue), updated_at = \(now)
                    WHERE id = \(id) AND state = \(current.state.rawValue)
                    """)
                try Self.expectOne(changed, .edit, id)
                try PostgresAuditLog.append(
                    transaction, at: now, actor: actor, variantID: id, action: .edit, before: current,
                    beforeState: current.state, after: edited, afterState: edited.state)
            }
            return edited
        }
    }

    /// What changed in `id` since `revision` was shown; `nil` if there is no such variant.
    public func changes(of id: String, since revision: VariantRevision) throws -> RevisionChanges? {
        try pool.transaction { transaction in
            guard let current = try PostgresVariantRow.fetch(transaction, id: id) else { return nil }
            let history = try transaction.rows(
                "SELECT \(unescaped: PostgresAuditLog.columns) FROM audit_event WHERE variant_id = \(id) ORDER BY id"
            ).map(PostgresAuditLog.event(from:))
            return RevisionChanges(shown: revision, current: current, history: history)
        }
    }

    /// How many variants of each campaign are in each state, counting accounts that pass `visible`.
    public func campaignProgress(visible: (String) -> Bool) throws -> [String: [VariantState: Int]] {
        let counts = try pool.transaction { transaction in
            try transaction.rows(
                "SELECT campaign_id, account_id, state, count(*)::bigint FROM variant GROUP BY campaign_id, account_id, state"
            ).map { row in
                try PostgresFailure.decoding {
                    (
                        try row[0].decode(String.self), try row[1].decode(String.self), try row[2].decode(String.self),
                        try row[3].decode(Int.self)
                    )
                }
            }
        }
        var result: [String: [VariantState: Int]] = [:]
        for (campaign, account, rawState, count) in counts {
            guard visible(account), let state = VariantState(rawValue: rawState) else { continue }
            result[campaign, default: [:]][state, default: 0] += count
        }
        return result
    }

    private func decide(
        _ id: String, to state: VariantState, action: AuditEvent.Action, revision: VariantRevision?, reason: String?,
        actor: String, now: Date, permit: ApprovalCheck
    ) throws {
        try pool.transaction { transaction in
            let current = try Self.lockedForReview(transaction, id, permit: permit)
            guard current.state == .pendingApproval else { throw ApprovalError.wrongState(variantID: id, state: current.state) }
            try current.check(shows: revision)
            try Self.write(transaction, current, to: state, action: action, reason: reason, actor: actor, now: now)
        }
    }

    /// Moves the pending variant `current` (read and locked in `transaction`) to `state`, with its event.
    static func write(
        _ transaction: PostgresTransaction, _ current: StoredVariant, to state: VariantState, action: AuditEvent.Action,
        reason: String?, actor: String, now: Date
    ) throws {
        try PostgresStatement.wrapping(action, current.id) {
            let changed = try transaction.execute(
                """
                UPDATE variant SET state = \(state.rawValue), updated_at = \(now)
                WHERE id = \(current.id) AND state = 'pending_approval'
                """)
            try expectOne(changed, action, current.id)
            try PostgresAuditLog.append(
                transaction, at: now, actor: actor, variantID: current.id, action: action, before: current,
                beforeState: current.state, after: current, afterState: state, reason: reason)
        }
    }

    /// Throws unless one row changed: the row is locked, so none means the variant changed against the lock.
    static func expectOne(_ changed: Int, _ action: AuditEvent.Action, _ id: String) throws {
        guard changed != 1 else { return }
        throw VariantStoreError.statementFailed(action: action.rawValue, variantID: id, message: "the variant changed meanwhile")
    }

    /// The variant `id` read and locked in `transaction`, once `permit` allowed acting on it.
    static func lockedForReview(_ transaction: PostgresTransaction, _ id: String, permit: ApprovalCheck) throws -> StoredVariant {
        guard let current = try PostgresVariantRow.fetch(transaction, id: id, forUpdate: true) else {
            throw ApprovalError.variantNotFound(id)
        }
        try permit(current)
        return current
    }
}
