import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The SQL shared by the outbox's operations: adding messages inside a transaction, and reading the
/// outbox's rows and the failed posts the scans and the digest tell about.
enum PostgresOutboxRow {
    /// The columns `message(from:)` reads, in its order.
    static let columns = """
        id, dedupe_key, channel, recipient, subject, text_body, html_body, state, attempts, last_error
        """

    /// The columns `failedPost(from:auditID:failedAt:)` reads, in its order, of `variant v` and `publish_job j`.
    static let failedColumns = """
        v.id, v.account_id, v.network, substr(v.text, 1, 200), v.scheduled_at, v.time_zone, j.last_error, v.state
        """

    /// How many columns `failedColumns` are: the index of a column a query selects after them.
    static let failedColumnCount = 8

    /// Adds the `messages` whose key is not in the outbox yet; returns how many were added.
    static func enqueue(_ transaction: PostgresTransaction, _ messages: [OutboxMessage], now: Date) throws -> Int {
        var added = 0
        for message in messages {
            added += try transaction.execute(
                """
                INSERT INTO notification_outbox (dedupe_key, channel, recipient, subject, text_body, html_body, state,
                    attempts, next_attempt_at, created_at)
                VALUES (\(message.dedupeKey), \(message.channel.rawValue), \(message.recipient), \(message.subject),
                    \(message.textBody), \(message.htmlBody), 'pending', 0, \(now), \(now))
                ON CONFLICT (dedupe_key) DO NOTHING
                """)
        }
        return added
    }

    /// The message of a row read with `columns`.
    static func message(from row: PostgresRandomAccessRow) throws -> OutboxMessage {
        try PostgresFailure.decoding {
            var message = OutboxMessage(
                dedupeKey: try row[1].decode(String.self),
                channel: OutboxMessage.Channel(rawValue: try row[2].decode(String.self)) ?? .mail,
                recipient: try row[3].decode(String.self), subject: try row[4].decode(String.self),
                textBody: try row[5].decode(String.self), htmlBody: try row[6].decode(String?.self))
            message.id = try row[0].decode(Int64.self)
            message.state = OutboxMessage.State(rawValue: try row[7].decode(String.self)) ?? .pending
            message.attempts = try row[8].decode(Int.self)
            message.lastError = try row[9].decode(String?.self)
            return message
        }
    }

    /// The failed post of a row whose first columns are `failedColumns`.
    static func failedPost(from row: PostgresRandomAccessRow, auditID: Int64, failedAt: Date?) throws -> FailedPost {
        try PostgresFailure.decoding {
            FailedPost(
                auditID: auditID, variantID: try row[0].decode(String.self), accountID: try row[1].decode(String.self),
                network: try row[2].decode(String.self), text: try row[3].decode(String.self),
                scheduledAt: try row[4].decode(Date?.self), timeZone: try row[5].decode(String.self),
                reason: try row[6].decode(String?.self), failedAt: failedAt,
                outcomeUnknown: try row[7].decode(String.self) == VariantState.unknown.rawValue,
                publishedWithoutLink: try row[7].decode(String.self) == VariantState.published.rawValue)
        }
    }
}
