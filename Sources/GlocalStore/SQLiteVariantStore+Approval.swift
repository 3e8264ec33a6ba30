import Foundation
import GRDB
import GlocalCore

/// Approving, rejecting and editing variants, each with an audit event naming the user.
///
/// Every action takes a `permit` closure run inside the write transaction on the variant as it is
/// then: the caller's scope and deadline checks see the same row the update changes. Approve (and an
/// edit given its base) also name the revision the person was shown, compared in that transaction.
extension SQLiteVariantStore {
    /// A check of the caller's (scope, deadline) on the current variant (a core type).
    public typealias Permit = ApprovalCheck

    /// The usual permit: the user's scope must allow acting on the account, and (with
    /// `checkDeadline`) the variant must not be past its campaign's approval deadline at `now`.
    public static func permit(
        for scope: ApprovalScope, policy: @escaping (String) -> ApprovalPolicy, checkDeadline: Bool, now: Date
    ) -> Permit {
        { variant in
            guard scope.canAct(on: variant.accountID) else { throw ApprovalError.forbidden(variantID: variant.id) }
            if checkDeadline, case .missed(let due) = policy(variant.campaignID).status(of: variant, now: now) {
                throw ApprovalError.pastDeadline(variantID: variant.id, deadline: due)
            }
        }
    }

    /// Approves a pending variant if its content is still the `revision` the person was shown;
    /// otherwise throws `ApprovalError.staleRevision` and approves nothing.
    public func approve(_ id: String, revision: VariantRevision, actor: String, now: Date, permit: Permit) throws {
        try decide(id, to: .approved, action: .approve, revision: revision, reason: nil, actor: actor, now: now, permit: permit)
    }

    /// Rejects a pending variant with a reason, whatever its revision: rejecting publishes nothing.
    public func reject(_ id: String, reason: String, actor: String, now: Date, permit: Permit) throws {
        let reason = try ApprovalError.rejectionReason(reason)
        try decide(id, to: .rejected, action: .reject, revision: nil, reason: reason, actor: actor, now: now, permit: permit)
    }

    /// Replaces the text and link placement of a variant not yet out. The caller validated them.
    /// An approved variant goes back to `pending_approval`: it is approved only by approve. With
    /// `basedOn`, the edit is refused (`ApprovalError.staleRevision`) if the variant changed since that
    /// revision: it would silently overwrite someone else's newer edit.
    @discardableResult
    public func edit(
        _ id: String, text: String, linkPlacement: LinkPlacement, basedOn revision: VariantRevision? = nil, actor: String,
        now: Date, permit: Permit
    ) throws -> StoredVariant {
        try writer.write { db in
            let current = try Self.current(db, id, permit: permit)
            try current.check(shows: revision)
            guard let edited = try current.edited(text: text, linkPlacement: linkPlacement) else { return current }
            try AuditLog.wrapping(.edit, id) {
                try db.execute(
                    sql: """
                        UPDATE variant SET text = ?, link_placement = ?, content_hash = ?, source_hash = ?, state = ?, updated_at = ?
                        WHERE id = ? AND state = ?
                        """,
                    arguments: [
                        text, linkPlacement.rawValue, edited.contentHash, edited.sourceHash, edited.state.rawValue,
                        StoreTimestamp.string(from: now), id, current.state.rawValue,
                    ])
                try AuditLog.append(
                    db, at: now, actor: actor, variantID: id, action: .edit, before: current, beforeState: current.state,
                    after: edited, afterState: edited.state)
            }
            return edited
        }
    }

    /// Variants in `state`, ordered by campaign, slot and id, whose account passes `visible`.
    public func variants(in state: VariantState, visible: (String) -> Bool = { _ in true }) throws -> [StoredVariant] {
        try fetch(
            "SELECT \(VariantRow.selection) FROM variant WHERE state = ? ORDER BY campaign_id, scheduled_at, id",
            [state.rawValue], visible)
    }

    /// The variants of one campaign, by account and slot.
    public func variants(campaign: String, visible: (String) -> Bool = { _ in true }) throws -> [StoredVariant] {
        try fetch(
            "SELECT \(VariantRow.selection) FROM variant WHERE campaign_id = ? ORDER BY account_id, scheduled_at, id", [campaign],
            visible)
    }

    /// The variants of one account, by slot.
    public func variants(account: String) throws -> [StoredVariant] {
        try fetch("SELECT \(VariantRow.selection) FROM variant WHERE account_id = ? ORDER BY scheduled_at, id", [account]) { _ in
            true
        }
    }

    /// The campaigns that have variants, with how many of their variants are in each state.
    public func campaignProgress(visible: (String) -> Bool = { _ in true }) throws -> [String: [VariantState: Int]] {
        try writer.read { db in
            var result: [String: [VariantState: Int]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT campaign_id, account_id, state FROM variant")
            while let row = try rows.next() {
                guard visible(row["account_id"]), let state = VariantState(rawValue: row["state"]) else { continue }
                result[row["campaign_id"], default: [:]][state, default: 0] += 1
            }
            return result
        }
    }

    /// The newest audit events first, at most `limit`, of variants whose account passes `visible`.
    public func recentAuditEvents(limit: Int, visible: (String) -> Bool = { _ in true }) throws -> [AuditEvent] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT e.*, v.account_id FROM audit_event e JOIN variant v ON v.id = e.variant_id ORDER BY e.id DESC")
            var events: [AuditEvent] = []
            while events.count < limit, let row = try rows.next() {
                if visible(row["account_id"]) { events.append(try AuditLog.event(from: row)) }
            }
            return events
        }
    }

    private func decide(
        _ id: String, to state: VariantState, action: AuditEvent.Action, revision: VariantRevision?, reason: String?,
        actor: String, now: Date, permit: Permit
    ) throws {
        try writer.write { db in
            let current = try Self.current(db, id, permit: permit)
            guard current.state == .pendingApproval else { throw ApprovalError.wrongState(variantID: id, state: current.state) }
            try current.check(shows: revision)
            try AuditLog.wrapping(action, id) {
                try db.execute(
                    sql: "UPDATE variant SET state = ?, updated_at = ? WHERE id = ? AND state = 'pending_approval'",
                    arguments: [state.rawValue, StoreTimestamp.string(from: now), id])
                try AuditLog.append(
                    db, at: now, actor: actor, variantID: id, action: action, before: current, beforeState: current.state,
                    after: current, afterState: state, reason: reason)
            }
        }
    }

    private static func current(_ db: Database, _ id: String, permit: Permit) throws -> StoredVariant {
        guard let current = try fetchVariant(db, id: id) else { throw ApprovalError.variantNotFound(id) }
        try permit(current)
        return current
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments, _ visible: (String) -> Bool) throws -> [StoredVariant] {
        try writer.read { db in
            var variants: [StoredVariant] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                if visible(row["account_id"]) { variants.append(try VariantRow.variant(from: row)) }
            }
            return variants
        }
    }
}
