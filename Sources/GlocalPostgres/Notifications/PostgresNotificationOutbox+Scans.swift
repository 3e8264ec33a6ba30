import Foundation
import GlocalStore
import PostgresNIO

extension PostgresNotificationOutbox {
    /// The cursor over the audit log that the failure scan advances.
    static let failureCursor = "failed-posts"

    /// Reads the posts that failed since the last scan, lets `compose` turn them into messages, enqueues
    /// those and advances the scan, all in one transaction: each failure is told once, even across restarts
    /// and with a notifier on several nodes. The first scan of a store only sets the cursor (earlier
    /// failures are in the digest). Returns how many messages were added.
    @discardableResult
    public func scanFailures(now: Date, compose: ([FailedPost]) -> [OutboxMessage]) throws -> Int {
        try pool.transaction { transaction in
            // Audit ids are drawn before commit, so a smaller id may still be in flight when a larger one is
            // visible: SHARE mode lets writers in flight finish and holds new ones back while the scan reads
            // up to the top, so the cursor never passes an event that commits later.
            try transaction.execute("LOCK TABLE audit_event IN SHARE MODE")
            // One scan at a time: a second node's scan waits here, then reads the advanced cursor.
            let position = try transaction.value(
                "SELECT position FROM notification_cursor WHERE name = \(Self.failureCursor) FOR UPDATE", as: Int64.self)
            let top = try transaction.value("SELECT coalesce(max(id), 0)::bigint FROM audit_event", as: Int64.self) ?? 0
            guard let position else {
                try Self.setCursor(transaction, top)
                return 0
            }
            let failures = try transaction.rows(
                """
                SELECT \(unescaped: PostgresOutboxRow.failedColumns), e.id, e.at FROM audit_event e
                JOIN variant v ON v.id = e.variant_id LEFT JOIN publish_job j ON j.variant_id = v.id
                WHERE e.id > \(position) AND e.id <= \(top) AND \(unescaped: NotificationStore.givenUpEvent) ORDER BY e.id
                """
            ).map { row in
                let (auditID, at) = try PostgresFailure.decoding {
                    let columns = PostgresOutboxRow.failedColumnCount
                    return (try row[columns].decode(Int64.self), try row[columns + 1].decode(Date.self))
                }
                return try PostgresOutboxRow.failedPost(from: row, auditID: auditID, failedAt: at)
            }
            let added = try PostgresOutboxRow.enqueue(transaction, failures.isEmpty ? [] : compose(failures), now: now)
            try Self.setCursor(transaction, top)
            return added
        }
    }

    /// Compares the accounts waiting for a new token with the ones already alerted: new ones go to
    /// `compose` (their messages are enqueued and the accounts remembered), reconnected ones are forgotten
    /// so that a later hold is told again. One transaction; returns the messages added.
    @discardableResult
    public func scanReconnects(now: Date, compose: ([ReconnectNeed]) -> [OutboxMessage]) throws -> Int {
        try pool.transaction { transaction in
            // One scan at a time (the lock conflicts with itself, not with readers): two nodes never both
            // find an account new.
            try transaction.execute("LOCK TABLE notification_reconnect IN EXCLUSIVE MODE")
            let needs = try Self.reconnectNeeds(transaction)
            let told = Set(
                try transaction.rows("SELECT account_id FROM notification_reconnect").map { row in
                    try PostgresFailure.decoding { try row[0].decode(String.self) }
                })
            let waiting = Set(needs.map(\.accountID))
            for account in told.subtracting(waiting) {
                try transaction.execute("DELETE FROM notification_reconnect WHERE account_id = \(account)")
            }
            let fresh = needs.filter { !told.contains($0.accountID) }
            guard !fresh.isEmpty else { return 0 }
            for need in fresh {
                try transaction.execute(
                    "INSERT INTO notification_reconnect (account_id, since) VALUES (\(need.accountID), \(need.since ?? now))")
            }
            return try PostgresOutboxRow.enqueue(transaction, compose(fresh), now: now)
        }
    }

    /// The accounts waiting for a new token, by id.
    public func reconnectNeeds() throws -> [ReconnectNeed] {
        try pool.transaction { try Self.reconnectNeeds($0) }
    }

    /// The posts that failed at or after `since` and are still failed, oldest first.
    public func failedPosts(since: Date) throws -> [FailedPost] {
        try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT \(unescaped: PostgresOutboxRow.failedColumns), v.updated_at
                FROM variant v LEFT JOIN publish_job j ON j.variant_id = v.id
                WHERE (v.state = 'failed' OR (v.state = 'unknown' AND j.state = 'discarded')) AND v.updated_at >= \(since)
                ORDER BY v.updated_at, v.id COLLATE "C"
                """
            ).map { row in
                let at = try PostgresFailure.decoding { try row[PostgresOutboxRow.failedColumnCount].decode(Date.self) }
                return try PostgresOutboxRow.failedPost(from: row, auditID: 0, failedAt: at)
            }
        }
    }

    /// Whether the digest of `email` for local `day` was already decided.
    public func digestRecorded(email: String, day: String) throws -> Bool {
        try pool.transaction { transaction in
            try !transaction.rows(
                "SELECT 1 FROM notification_digest WHERE email = \(email.lowercased()) AND day = \(day)"
            ).isEmpty
        }
    }

    /// Records the digest of `email` for `day` with `items` items and enqueues `message` (none when there
    /// was nothing to tell), in one transaction. Returns false when the day was already recorded.
    @discardableResult
    public func recordDigest(email: String, day: String, items: Int, message: OutboxMessage?, now: Date) throws -> Bool {
        try pool.transaction { transaction in
            let recorded = try transaction.execute(
                """
                INSERT INTO notification_digest (email, day, items, created_at)
                VALUES (\(email.lowercased()), \(day), \(items), \(now))
                ON CONFLICT (email, day) DO NOTHING
                """)
            guard recorded == 1 else { return false }
            if let message { _ = try PostgresOutboxRow.enqueue(transaction, [message], now: now) }
            return true
        }
    }

    private static func reconnectNeeds(_ transaction: PostgresTransaction) throws -> [ReconnectNeed] {
        try transaction.rows(
            """
            SELECT account_id, needs_reconnect, updated_at FROM account_status WHERE needs_reconnect IS NOT NULL
            ORDER BY account_id COLLATE "C"
            """
        ).map { row in
            try PostgresFailure.decoding {
                ReconnectNeed(
                    accountID: try row[0].decode(String.self), reason: try row[1].decode(String.self),
                    since: try row[2].decode(Date.self))
            }
        }
    }

    private static func setCursor(_ transaction: PostgresTransaction, _ position: Int64) throws {
        try transaction.execute(
            """
            INSERT INTO notification_cursor (name, position) VALUES (\(failureCursor), \(position))
            ON CONFLICT (name) DO UPDATE SET position = excluded.position
            """)
    }
}
