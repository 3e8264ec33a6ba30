import Foundation
import GRDB

/// Reads and appends `account_audit_event` rows: pauses, resumes, the global crisis pause and
/// (re)connections. Variant events stay in `audit_event`, whose newest id is the store's generation
/// (`apply`'s race check), so a pause never makes a plan stale. Triggers refuse any update or delete
/// (migration `V9AccountAudit`).
enum AccountAuditLog {
    /// Appends one event inside the caller's transaction; `node` is the dispatcher node that wrote it, if one did.
    static func append(
        _ db: Database, at: Date, actor: String, accountID: String?, action: AccountAuditEvent.Action,
        reason: String? = nil, clearedHold: String? = nil, node: String? = nil
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO account_audit_event (at, actor, account_id, action, reason, cleared_hold, node_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [StoreTimestamp.string(from: at), actor, accountID, action.rawValue, reason, clearedHold, node])
    }

    /// The events of `accountID` and the global ones (or all, without an account), oldest first.
    static func events(_ db: Database, accountID: String?) throws -> [AccountAuditEvent] {
        let rows: [Row]
        if let accountID {
            rows = try Row.fetchAll(
                db, sql: "SELECT * FROM account_audit_event WHERE account_id = ? OR account_id IS NULL ORDER BY id",
                arguments: [accountID])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM account_audit_event ORDER BY id")
        }
        return try rows.map(event(from:))
    }

    /// The newest events first, at most `limit`, of accounts that pass `visible`, and the global ones.
    static func recent(_ db: Database, limit: Int, visible: (String) -> Bool) throws -> [AccountAuditEvent] {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM account_audit_event ORDER BY id DESC")
        var events: [AccountAuditEvent] = []
        while events.count < limit, let row = try rows.next() {
            let account: String? = row["account_id"]
            if account.map(visible) ?? true { events.append(try event(from: row)) }
        }
        return events
    }

    /// Reads one `SELECT * FROM account_audit_event` row.
    static func event(from row: Row) throws -> AccountAuditEvent {
        let account: String? = row["account_id"]
        let label = account ?? "every account"
        let at: String = row["at"]
        guard let date = StoreTimestamp.date(from: at) else {
            throw VariantStoreError.unreadableRow(variantID: label, column: "account_audit_event.at", value: at)
        }
        let raw: String = row["action"]
        guard let action = AccountAuditEvent.Action(rawValue: raw) else {
            throw VariantStoreError.unreadableRow(variantID: label, column: "account_audit_event.action", value: raw)
        }
        return AccountAuditEvent(
            id: row["id"], at: date, actor: row["actor"], accountID: account, action: action, reason: row["reason"],
            clearedHold: row["cleared_hold"], node: row["node_id"])
    }
}

extension SQLiteVariantStore {
    /// The account audit log, oldest first; with `account`, only its events and the global ones.
    public func accountAuditEvents(account: String? = nil) throws -> [AccountAuditEvent] {
        try writer.read { db in try AccountAuditLog.events(db, accountID: account) }
    }

    /// The newest account events first, at most `limit`: those of accounts passing `visible`, and the
    /// global pauses (which hold every account, so everyone sees them).
    public func recentAccountAuditEvents(limit: Int, visible: (String) -> Bool = { _ in true }) throws -> [AccountAuditEvent] {
        try writer.read { db in try AccountAuditLog.recent(db, limit: limit, visible: visible) }
    }
}
