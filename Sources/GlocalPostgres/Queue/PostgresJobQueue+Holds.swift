import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

extension PostgresJobQueue {
    /// Pauses or resumes `account` as `actor`, with its account audit event; an account already so is left alone, with
    /// no event. Whether it changed.
    @discardableResult
    public func setPaused(_ paused: Bool, account: String, actor: String, now: Date) throws -> Bool {
        try pool.transaction { transaction in
            let current =
                try transaction.value(
                    "SELECT paused FROM account_status WHERE account_id = \(account) FOR UPDATE", as: Bool?.self) ?? nil
            guard (current ?? false) != paused else { return false }
            try transaction.execute(
                """
                INSERT INTO account_status (account_id, paused, updated_at) VALUES (\(account), \(paused), \(now))
                ON CONFLICT (account_id) DO UPDATE SET paused = excluded.paused, updated_at = excluded.updated_at
                """)
            try PostgresAuditLog.appendAccount(
                transaction, at: now, actor: actor, accountID: account, action: paused ? .pause : .resume)
            if !paused { try notify(transaction) }
            return true
        }
    }

    /// Holds `account` until it is reconnected (`nil` lifts the hold).
    public func setNeedsReconnect(_ reason: String?, account: String, now: Date) throws {
        try pool.transaction { transaction in
            try transaction.execute(
                """
                INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at)
                VALUES (\(account), false, \(reason), \(now))
                ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                    updated_at = excluded.updated_at
                """)
            if reason == nil { try notify(transaction) }
        }
    }

    /// Holds `account` until it is reconnected, with a `needs_reconnect` account audit event by `actor`, in one
    /// transaction; an account already held keeps its first reason and gets no second event. Whether the hold is new.
    @discardableResult
    public func markNeedsReconnect(_ reason: String, account: String, actor: String, now: Date) throws -> Bool {
        try pool.transaction { transaction in
            let current =
                try transaction.value(
                    "SELECT needs_reconnect FROM account_status WHERE account_id = \(account) FOR UPDATE", as: String?.self)
                ?? nil
            guard current == nil else { return false }
            try transaction.execute(
                """
                INSERT INTO account_status (account_id, paused, needs_reconnect, updated_at)
                VALUES (\(account), false, \(reason), \(now))
                ON CONFLICT (account_id) DO UPDATE SET needs_reconnect = excluded.needs_reconnect,
                    updated_at = excluded.updated_at
                """)
            try PostgresAuditLog.appendAccount(
                transaction, at: now, actor: actor, accountID: account, action: .needsReconnect, reason: reason)
            return true
        }
    }

    /// Holds `account` until `until` after a rate limit (`nil` lifts the hold).
    public func setRateLimited(until: Date?, account: String, now: Date) throws {
        try pool.transaction { try setRateLimited($0, until: until, account: account, now: now) }
    }

    func setRateLimited(_ transaction: PostgresTransaction, until: Date?, account: String, now: Date) throws {
        try transaction.execute(
            """
            INSERT INTO account_status (account_id, paused, rate_limited_until, updated_at)
            VALUES (\(account), false, \(until), \(now))
            ON CONFLICT (account_id) DO UPDATE SET rate_limited_until = excluded.rate_limited_until,
                updated_at = excluded.updated_at
            """)
    }

    /// The holds on `account` (none if it has no row).
    public func holds(account: String) throws -> PublishQueue.AccountHolds {
        try allHolds(only: account)[account] ?? AccountHolds(paused: false, needsReconnect: nil, rateLimitedUntil: nil)
    }

    /// The holds of every account that has a status, by account id.
    public func allHolds() throws -> [String: PublishQueue.AccountHolds] { try allHolds(only: nil) }

    private func allHolds(only account: String?) throws -> [String: PublishQueue.AccountHolds] {
        try pool.transaction { transaction in
            var holds: [String: PublishQueue.AccountHolds] = [:]
            let rows = try transaction.rows(
                """
                SELECT account_id, paused, needs_reconnect, rate_limited_until FROM account_status
                WHERE \(account)::text IS NULL OR account_id = \(account)
                """)
            for row in rows {
                try PostgresFailure.decoding {
                    holds[try row[0].decode(String.self)] = AccountHolds(
                        paused: try row[1].decode(Bool.self), needsReconnect: try row[2].decode(String?.self),
                        rateLimitedUntil: try row[3].decode(Date?.self))
                }
            }
            return holds
        }
    }

    /// How many jobs each account has waiting to go out, by account id.
    public func waitingJobCounts() throws -> [String: Int] {
        try pool.transaction { transaction in
            var counts: [String: Int] = [:]
            for row in try transaction.rows(
                """
                SELECT account_id, count(*) FROM publish_job
                WHERE state IN ('scheduled', 'available', 'retryable') GROUP BY account_id
                """)
            {
                counts[try row[0].decode(String.self)] = try row[1].decode(Int.self)
            }
            return counts
        }
    }

    /// Sets or lifts the global crisis pause as `actor`, with its account audit event.
    public func setGlobalPause(_ paused: Bool, reason: String?, actor: String, now: Date) throws {
        try pool.transaction { transaction in
            try PostgresAuditLog.appendAccount(
                transaction, at: now, actor: actor, accountID: nil, action: paused ? .pauseAll : .resumeAll, reason: reason)
            try transaction.execute(
                """
                INSERT INTO dispatch_control (id, paused, reason, updated_at) VALUES (1, \(paused), \(reason), \(now))
                ON CONFLICT (id) DO UPDATE SET paused = excluded.paused, reason = excluded.reason,
                    updated_at = excluded.updated_at
                """)
            if !paused { try notify(transaction) }
        }
    }

    /// Whether the global crisis pause is on, and why.
    public func globalPause() throws -> (paused: Bool, reason: String?) {
        try pool.transaction { transaction in
            guard let row = try transaction.rows("SELECT paused, reason FROM dispatch_control WHERE id = 1").first else {
                return (false, nil)
            }
            return try PostgresFailure.decoding { (try row[0].decode(Bool.self), try row[1].decode(String?.self)) }
        }
    }
}
