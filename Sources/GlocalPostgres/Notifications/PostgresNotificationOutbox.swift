import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The notification tables on PostgreSQL, as `NotificationStore` on SQLite: each person's preferences,
/// the outbox of e-mails and webhook posts, and what the scans have already told.
///
/// Several nodes may run a notifier on one database: a message is claimed by one conditional `UPDATE`
/// (the second node's waits for the first's commit, then finds the message no longer due), and the
/// scans lock what they advance, so nothing is sent or told twice.
public struct PostgresNotificationOutbox: NotificationOutbox {
    let pool: PostgresConnectionPool

    /// The notification tables of `store`.
    public init(store: PostgresStore) { pool = store.pool }

    /// The preferences of `email` (both on when the person never changed them).
    public func preferences(of email: String) throws -> NotificationPreferences {
        try pool.transaction { transaction in
            guard
                let row = try transaction.rows(
                    "SELECT digest, alerts FROM notification_preference WHERE email = \(email.lowercased())"
                ).first
            else { return NotificationPreferences() }
            return try PostgresFailure.decoding {
                NotificationPreferences(digest: try row[0].decode(Bool.self), alerts: try row[1].decode(Bool.self))
            }
        }
    }

    /// Records the preferences of `email`.
    public func setPreferences(_ preferences: NotificationPreferences, for email: String, now: Date) throws {
        try pool.transaction { transaction in
            _ = try transaction.execute(
                """
                INSERT INTO notification_preference (email, digest, alerts, updated_at)
                VALUES (\(email.lowercased()), \(preferences.digest), \(preferences.alerts), \(now))
                ON CONFLICT (email) DO UPDATE SET digest = excluded.digest, alerts = excluded.alerts,
                    updated_at = excluded.updated_at
                """)
        }
    }

    /// Adds `messages` that are not in the outbox yet (by key); returns how many were added.
    @discardableResult
    public func enqueue(_ messages: [OutboxMessage], now: Date) throws -> Int {
        try pool.transaction { try PostgresOutboxRow.enqueue($0, messages, now: now) }
    }

    /// Up to `limit` pending messages due at `now`, oldest first.
    public func due(now: Date, limit: Int = 50) throws -> [OutboxMessage] {
        try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT \(unescaped: PostgresOutboxRow.columns) FROM notification_outbox
                WHERE state = 'pending' AND next_attempt_at <= \(now) ORDER BY next_attempt_at, id LIMIT \(limit)
                """
            ).map(PostgresOutboxRow.message(from:))
        }
    }

    /// Every message of the outbox, oldest first.
    public func allMessages() throws -> [OutboxMessage] {
        try pool.transaction { transaction in
            try transaction.rows("SELECT \(unescaped: PostgresOutboxRow.columns) FROM notification_outbox ORDER BY id")
                .map(PostgresOutboxRow.message(from:))
        }
    }

    /// Claims due message `id` for one send by pushing its next attempt `lease` seconds ahead; false when
    /// another node claimed it first. A node that dies mid-send leaves the message to be tried again once
    /// the lease is over.
    public func claim(_ id: Int64, now: Date, lease: TimeInterval = 300) throws -> Bool {
        let until = now.addingTimeInterval(lease)
        return try pool.transaction { transaction in
            // Under READ COMMITTED a second node's UPDATE of the same row waits for the first to commit,
            // then checks the WHERE again on the new row: the message is no longer due, nothing changes.
            try transaction.execute(
                """
                UPDATE notification_outbox SET next_attempt_at = \(until)
                WHERE id = \(id) AND state = 'pending' AND next_attempt_at <= \(now)
                """) == 1
        }
    }

    /// Records that message `id` went out.
    public func markSent(_ id: Int64, now: Date) throws {
        try pool.transaction { transaction in
            _ = try transaction.execute(
                """
                UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, sent_at = \(now), last_error = NULL
                WHERE id = \(id) AND state = 'pending'
                """)
        }
    }

    /// Records a failed attempt of message `id`: tried again at `retryAt`, or given up on when `nil`.
    public func markFailed(_ id: Int64, error: String, retryAt: Date?, now: Date) throws {
        let state = retryAt == nil ? "failed" : "pending"
        let next = retryAt ?? now
        try pool.transaction { transaction in
            _ = try transaction.execute(
                """
                UPDATE notification_outbox SET attempts = attempts + 1, last_error = \(String(error.prefix(500))),
                    state = \(state), next_attempt_at = \(next)
                WHERE id = \(id) AND state = 'pending'
                """)
        }
    }

    /// How the outbox stands.
    public func summary() throws -> OutboxSummary {
        try pool.transaction { transaction in
            var summary = OutboxSummary()
            for row in try transaction.rows(
                "SELECT state, attempts > 0, count(*) FROM notification_outbox GROUP BY 1, 2")
            {
                let (state, tried, count) = try PostgresFailure.decoding {
                    (try row[0].decode(String.self), try row[1].decode(Bool.self), try row[2].decode(Int.self))
                }
                switch state {
                case "pending":
                    summary.pending += count
                    if tried { summary.retrying += count }
                case "sent": summary.sent += count
                default: summary.failed += count
                }
            }
            summary.lastError = try transaction.value(
                """
                SELECT last_error FROM notification_outbox WHERE last_error IS NOT NULL AND state <> 'sent'
                ORDER BY next_attempt_at DESC, id DESC LIMIT 1
                """, as: String.self)
            return summary
        }
    }
}
