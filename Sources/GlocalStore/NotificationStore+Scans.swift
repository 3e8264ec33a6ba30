import Foundation
import GRDB
import GlocalCore

extension NotificationStore {
    /// The cursor over the audit log that the failure scan advances.
    static let failureCursor = "failed-posts"

    /// Reads the posts that failed since the last scan, lets `compose` turn them into messages,
    /// enqueues those and advances the scan, all in one transaction: each failure is told once,
    /// even across restarts. The first scan of a store only sets the cursor (earlier failures are
    /// in the digest). Returns how many messages were added.
    @discardableResult
    public func scanFailures(now: Date, compose: ([FailedPost]) -> [OutboxMessage]) throws -> Int {
        try writer.write { db in
            let top = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit_event") ?? 0
            guard
                let position = try Int64.fetchOne(
                    db, sql: "SELECT position FROM notification_cursor WHERE name = ?", arguments: [Self.failureCursor])
            else {
                try Self.setCursor(db, top)
                return 0
            }
            let failures = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id AS audit_id, e.at, \(Self.failedColumns) FROM audit_event e
                    JOIN variant v ON v.id = e.variant_id LEFT JOIN publish_job j ON j.variant_id = v.id
                    WHERE e.id > ? AND \(Self.givenUpEvent) ORDER BY e.id
                    """, arguments: [position]
            ).map { Self.failedPost(from: $0, auditID: $0["audit_id"], at: $0["at"]) }
            let added = try Self.enqueue(db, failures.isEmpty ? [] : compose(failures), now: now)
            try Self.setCursor(db, top)
            return added
        }
    }

    /// Compares the accounts waiting for a new token with the ones already alerted: new ones go
    /// to `compose` (their messages are enqueued and the accounts remembered), reconnected ones are
    /// forgotten so that a later hold is told again. One transaction; returns the messages added.
    @discardableResult
    public func scanReconnects(now: Date, compose: ([ReconnectNeed]) -> [OutboxMessage]) throws -> Int {
        try writer.write { db in
            let needs = try Self.reconnectNeeds(db)
            let told = Set(try String.fetchAll(db, sql: "SELECT account_id FROM notification_reconnect"))
            let waiting = Set(needs.map(\.accountID))
            for account in told.subtracting(waiting) {
                try db.execute(sql: "DELETE FROM notification_reconnect WHERE account_id = ?", arguments: [account])
            }
            let fresh = needs.filter { !told.contains($0.accountID) }
            guard !fresh.isEmpty else { return 0 }
            for need in fresh {
                try db.execute(
                    sql: "INSERT INTO notification_reconnect (account_id, since) VALUES (?, ?)",
                    arguments: [need.accountID, StoreTimestamp.string(from: need.since ?? now)])
            }
            return try Self.enqueue(db, compose(fresh), now: now)
        }
    }

    /// The accounts waiting for a new token, by id.
    public func reconnectNeeds() throws -> [ReconnectNeed] {
        try writer.read { db in try Self.reconnectNeeds(db) }
    }

    /// The posts that failed at or after `since` and are still failed, oldest first.
    public func failedPosts(since: Date) throws -> [FailedPost] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.failedColumns) FROM variant v LEFT JOIN publish_job j ON j.variant_id = v.id
                    WHERE (v.state = 'failed' OR (v.state = 'unknown' AND j.state = 'discarded')) AND v.updated_at >= ?
                    ORDER BY v.updated_at, v.id
                    """, arguments: [StoreTimestamp.string(from: since)]
            ).map { Self.failedPost(from: $0, auditID: 0, at: $0["updated_at"]) }
        }
    }

    /// Whether the digest of `email` for local `day` was already decided.
    public func digestRecorded(email: String, day: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM notification_digest WHERE email = ? AND day = ?", arguments: [email.lowercased(), day])
                ?? false
        }
    }

    /// Records the digest of `email` for `day` with `items` items and enqueues `message` (none when
    /// there was nothing to tell), in one transaction. Returns false when the day was already recorded.
    @discardableResult
    public func recordDigest(email: String, day: String, items: Int, message: OutboxMessage?, now: Date) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notification_digest (email, day, items, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (email, day) DO NOTHING
                    """, arguments: [email.lowercased(), day, items, StoreTimestamp.string(from: now)])
            guard db.changesCount == 1 else { return false }
            if let message { _ = try Self.enqueue(db, [message], now: now) }
            return true
        }
    }

    /// The audit events that give a post up: a move to `failed`, the dispatcher's give-up of a post whose
    /// outcome stayed unknown (an `unknown` → `unknown` event with its reason; the variant keeps its state), or a
    /// post that went out without its link (a `published` → `published` event with its reason, ``LinkReplyFailure``).
    public static let givenUpEvent = """
        (e.to_state = 'failed' OR (e.from_state = 'unknown' AND e.to_state = 'unknown' AND e.reason IS NOT NULL)
            OR (e.from_state = 'published' AND e.to_state = 'published' AND e.reason IS NOT NULL))
        """

    private static let failedColumns = """
        v.id, v.account_id, v.network, substr(v.text, 1, 200) AS text, v.scheduled_at, v.time_zone, v.updated_at,
        j.last_error, v.state
        """

    private static func failedPost(from row: Row, auditID: Int64, at: String?) -> FailedPost {
        FailedPost(
            auditID: auditID, variantID: row["id"], accountID: row["account_id"], network: row["network"], text: row["text"],
            scheduledAt: (row["scheduled_at"] as String?).flatMap(StoreTimestamp.date(from:)), timeZone: row["time_zone"],
            reason: row["last_error"], failedAt: at.flatMap(StoreTimestamp.date(from:)),
            outcomeUnknown: row["state"] as String? == VariantState.unknown.rawValue,
            publishedWithoutLink: row["state"] as String? == VariantState.published.rawValue)
    }

    private static func reconnectNeeds(_ db: Database) throws -> [ReconnectNeed] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT account_id, needs_reconnect, updated_at FROM account_status WHERE needs_reconnect IS NOT NULL
                ORDER BY account_id
                """
        ).map {
            ReconnectNeed(
                accountID: $0["account_id"], reason: $0["needs_reconnect"],
                since: ($0["updated_at"] as String?).flatMap(StoreTimestamp.date(from:)))
        }
    }

    private static func setCursor(_ db: Database, _ position: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO notification_cursor (name, position) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET position = excluded.position
                """, arguments: [failureCursor, position])
    }
}
