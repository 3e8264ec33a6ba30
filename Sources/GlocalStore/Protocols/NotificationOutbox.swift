import Foundation
import GlocalCore

/// The notification side of a store: each person's preferences, the outbox of e-mails and webhook
/// posts (claimed under a lease, so two servers never send one twice), and what the scans have told
/// already, so nothing is told twice, even across restarts.
public protocol NotificationOutbox: Sendable {
    /// The preferences of `email` (both on when the person never changed them).
    func preferences(of email: String) throws -> NotificationPreferences
    /// Records the preferences of `email`.
    func setPreferences(_ preferences: NotificationPreferences, for email: String, now: Date) throws
    /// Adds `messages` that are not in the outbox yet (by key); returns how many were added.
    @discardableResult
    func enqueue(_ messages: [OutboxMessage], now: Date) throws -> Int
    /// Up to `limit` pending messages due at `now`, oldest first.
    func due(now: Date, limit: Int) throws -> [OutboxMessage]
    /// Every message of the outbox, oldest first.
    func allMessages() throws -> [OutboxMessage]
    /// Claims due message `id` for one send for `lease` seconds; false when another process has it.
    func claim(_ id: Int64, now: Date, lease: TimeInterval) throws -> Bool
    /// Records that message `id` went out.
    func markSent(_ id: Int64, now: Date) throws
    /// Records a failed attempt of message `id`: tried again at `retryAt`, or given up on when `nil`.
    func markFailed(_ id: Int64, error: String, retryAt: Date?, now: Date) throws
    /// How the outbox stands.
    func summary() throws -> OutboxSummary
    /// Turns the posts failed since the last scan into messages (`compose`) and enqueues them, advancing
    /// the scan in the same transaction; returns how many messages were added.
    @discardableResult
    func scanFailures(now: Date, compose: ([FailedPost]) -> [OutboxMessage]) throws -> Int
    /// Tells the accounts newly waiting for a new token (`compose`) and forgets reconnected ones, in one
    /// transaction; returns how many messages were added.
    @discardableResult
    func scanReconnects(now: Date, compose: ([ReconnectNeed]) -> [OutboxMessage]) throws -> Int
    /// The accounts waiting for a new token, by id.
    func reconnectNeeds() throws -> [ReconnectNeed]
    /// The posts that failed at or after `since` and are still failed, oldest first.
    func failedPosts(since: Date) throws -> [FailedPost]
    /// Whether the digest of `email` for local `day` was already decided.
    func digestRecorded(email: String, day: String) throws -> Bool
    /// Records the digest of `email` for `day` and enqueues `message` (if any), in one transaction;
    /// false when the day was already recorded.
    @discardableResult
    func recordDigest(email: String, day: String, items: Int, message: OutboxMessage?, now: Date) throws -> Bool
}
