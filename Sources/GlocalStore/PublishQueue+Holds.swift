import Foundation
import GRDB
import GlocalCore

extension PublishQueue {
    /// The holds on one account (a core value).
    public typealias AccountHolds = GlocalCore.AccountHolds

    /// Pauses or resumes one account, with an account audit event by `actor` in the same transaction; an account
    /// already so is left alone, with no event. Whether it changed. Slots that pass while it is paused become `missed`
    /// at the next `sync` after resuming, never sent late.
    @discardableResult
    public func setPaused(_ paused: Bool, account: String, actor: String, now: Date) throws -> Bool {
        try immediate { db in
            let current =
                try Bool.fetchOne(db, sql: "SELECT paused FROM account_status WHERE account_id = ?", arguments: [account])
                ?? false
            guard current != paused else { return false }
            try upsertStatus(db, account: account, column: "paused", value: paused ? 1 : 0, now: now)
            try AccountAuditLog.append(db, at: now, actor: actor, accountID: account, action: paused ? .pause : .resume)
            return true
        }
    }

    /// Records that the network refuses the account's token until it is reconnected (its jobs wait).
    public func setNeedsReconnect(_ reason: String?, account: String, now: Date) throws {
        _ = try immediate { db in try upsertStatus(db, account: account, column: "needs_reconnect", value: reason, now: now) }
    }

    /// Records that the network rate-limits the account until `until` (its jobs wait until then).
    public func setRateLimited(until: Date?, account: String, now: Date) throws {
        _ = try immediate { db in try setRateLimited(db, until: until, account: account, now: now) }
    }

    func setRateLimited(_ db: Database, until: Date?, account: String, now: Date) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO account_status (account_id, paused, rate_limited_until, updated_at) VALUES (?, 0, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET rate_limited_until = excluded.rate_limited_until,
                    updated_at = excluded.updated_at
                """
        ).execute(arguments: [account, until.map(StoreTimestamp.string(from:)), StoreTimestamp.string(from: now)])
    }

    /// The holds on `account` (none if it has no row).
    public func holds(account: String) throws -> AccountHolds {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account_status WHERE account_id = ?", arguments: [account])
            else { return AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: nil) }
            let until: String? = row["rate_limited_until"]
            return AccountHolds(
                paused: row["paused"] as Int == 1, needsReconnect: row["needs_reconnect"],
                rateLimitedUntil: until.flatMap(StoreTimestamp.date(from:)))
        }
    }

    /// Sets or lifts the global crisis pause: nothing is claimed while it holds. An account audit event
    /// (by `actor`, with `reason`) is written in the same transaction.
    public func setGlobalPause(_ paused: Bool, reason: String?, actor: String, now: Date) throws {
        _ = try immediate { db in
            try AccountAuditLog.append(
                db, at: now, actor: actor, accountID: nil, action: paused ? .pauseAll : .resumeAll, reason: reason)
            try db.execute(
                sql: """
                    INSERT INTO dispatch_control (id, paused, reason, updated_at) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET paused = excluded.paused, reason = excluded.reason,
                        updated_at = excluded.updated_at
                    """, arguments: [paused ? 1 : 0, reason, StoreTimestamp.string(from: now)])
        }
    }

    /// Whether the global pause holds, and why.
    public func globalPause() throws -> (paused: Bool, reason: String?) {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT paused, reason FROM dispatch_control WHERE id = 1") else {
                return (false, nil)
            }
            return (row["paused"] as Int == 1, row["reason"])
        }
    }

    private func upsertStatus(
        _ db: Database, account: String, column: String, value: (any DatabaseValueConvertible)?, now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO account_status (account_id, paused, \(column == "paused" ? "" : column + ", ")updated_at)
                VALUES (:account, \(column == "paused" ? ":value" : "0, :value"), :now)
                ON CONFLICT (account_id) DO UPDATE SET \(column) = :value, updated_at = :now
                """,
            arguments: ["account": account, "value": value, "now": StoreTimestamp.string(from: now)])
    }
}
