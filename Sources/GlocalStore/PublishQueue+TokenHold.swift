import Foundation
import GRDB

extension PublishQueue {
    /// Holds `account` until someone reconnects it because the network refused its token outside any post (the token
    /// keeper's scheduled refresh), with a `needs_reconnect` account audit event by `actor`, in one transaction. An
    /// account already held keeps its first reason and gets no second event. Returns whether the hold is new.
    @discardableResult
    public func markNeedsReconnect(_ reason: String, account: String, actor: String, now: Date) throws -> Bool {
        try immediate { db in
            let current = try String.fetchOne(
                db, sql: "SELECT needs_reconnect FROM account_status WHERE account_id = ?", arguments: [account])
            guard current == nil else { return false }
            try db.execute(
                sql: """
                    INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at) VALUES (?, 0, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                        updated_at = excluded.updated_at
                    """, arguments: [account, reason, StoreTimestamp.string(from: now)])
            try AccountAuditLog.append(db, at: now, actor: actor, accountID: account, action: .needsReconnect, reason: reason)
            return true
        }
    }
}
