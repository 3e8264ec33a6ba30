import Foundation
import GRDB
import GlocalCore

/// The notification tables of the store: each person's preferences, the outbox of e-mails and
/// webhook posts, and what the scans have already told (so nothing is told twice).
public struct NotificationStore: Sendable {
    let writer: any DatabaseWriter

    /// The notification tables of `store`.
    public init(store: SQLiteVariantStore) { self.writer = store.writer }

    /// The preferences of `email` (both on when the person never changed them).
    public func preferences(of email: String) throws -> NotificationPreferences {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT digest, alerts FROM notification_preference WHERE email = ?", arguments: [email.lowercased()]
            ).map { NotificationPreferences(digest: $0["digest"] as Int == 1, alerts: $0["alerts"] as Int == 1) }
                ?? NotificationPreferences()
        }
    }

    /// Records the preferences of `email`.
    public func setPreferences(_ preferences: NotificationPreferences, for email: String, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notification_preference (email, digest, alerts, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (email) DO UPDATE SET digest = excluded.digest, alerts = excluded.alerts,
                        updated_at = excluded.updated_at
                    """,
                arguments: [email.lowercased(), preferences.digest, preferences.alerts, StoreTimestamp.string(from: now)])
        }
    }

    /// Adds `messages` that are not in the outbox yet (by key); returns how many were added.
    @discardableResult
    public func enqueue(_ messages: [OutboxMessage], now: Date) throws -> Int {
        try writer.write { db in try Self.enqueue(db, messages, now: now) }
    }

    static func enqueue(_ db: Database, _ messages: [OutboxMessage], now: Date) throws -> Int {
        let timestamp = StoreTimestamp.string(from: now)
        var added = 0
        for message in messages {
            try db.cachedStatement(
                sql: """
                    INSERT INTO notification_outbox (dedupe_key, channel, recipient, subject, text_body, html_body, state,
                        attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                    """
            ).execute(
                arguments: [
                    message.dedupeKey, message.channel.rawValue, message.recipient, message.subject, message.textBody,
                    message.htmlBody, timestamp, timestamp,
                ])
            added += db.changesCount
        }
        return added
    }

    /// The pending messages due at `now`, oldest first.
    public func due(now: Date, limit: Int = 50) throws -> [OutboxMessage] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM notification_outbox WHERE state = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ?
                    """, arguments: [StoreTimestamp.string(from: now), limit]
            ).map(Self.message(from:))
        }
    }

    /// Every message of the outbox, oldest first (for tests and `glocal` diagnostics).
    public func allMessages() throws -> [OutboxMessage] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notification_outbox ORDER BY id").map(Self.message(from:))
        }
    }

    /// Claims due message `id` for one send by pushing its next attempt `lease` seconds ahead; false
    /// when another process (a second `serve` on the same store) claimed it first. A process that dies
    /// mid-send leaves the message to be tried again once the lease is over.
    public func claim(_ id: Int64, now: Date, lease: TimeInterval = 300) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE notification_outbox SET next_attempt_at = ?
                    WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?
                    """,
                arguments: [
                    StoreTimestamp.string(from: now.addingTimeInterval(lease)), id, StoreTimestamp.string(from: now),
                ])
            return db.changesCount == 1
        }
    }

    /// Records that message `id` went out.
    public func markSent(_ id: Int64, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL
                    WHERE id = ? AND state = 'pending'
                    """, arguments: [StoreTimestamp.string(from: now), id])
        }
    }

    /// Records a failed attempt of message `id`: tried again at `retryAt`, or given up on when `nil`.
    public func markFailed(_ id: Int64, error: String, retryAt: Date?, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, state = ?,
                        next_attempt_at = ? WHERE id = ? AND state = 'pending'
                    """,
                arguments: [
                    String(error.prefix(500)), retryAt == nil ? "failed" : "pending",
                    StoreTimestamp.string(from: retryAt ?? now), id,
                ])
        }
    }

    /// How the outbox stands.
    public func summary() throws -> OutboxSummary {
        try writer.read { db in
            var summary = OutboxSummary()
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT state, attempts > 0 AS tried, count(*) AS n FROM notification_outbox GROUP BY state, tried
                    """)
            {
                let count: Int = row["n"]
                switch row["state"] as String {
                case "pending":
                    summary.pending += count
                    if row["tried"] as Int == 1 { summary.retrying += count }
                case "sent": summary.sent += count
                default: summary.failed += count
                }
            }
            summary.lastError = try String.fetchOne(
                db,
                sql: """
                    SELECT last_error FROM notification_outbox WHERE last_error IS NOT NULL AND state <> 'sent'
                    ORDER BY next_attempt_at DESC, id DESC LIMIT 1
                    """)
            return summary
        }
    }

    private static func message(from row: Row) -> OutboxMessage {
        var message = OutboxMessage(
            dedupeKey: row["dedupe_key"], channel: OutboxMessage.Channel(rawValue: row["channel"]) ?? .mail,
            recipient: row["recipient"], subject: row["subject"], textBody: row["text_body"], htmlBody: row["html_body"])
        message.id = row["id"]
        message.state = OutboxMessage.State(rawValue: row["state"]) ?? .pending
        message.attempts = row["attempts"]
        message.lastError = row["last_error"]
        return message
    }
}
