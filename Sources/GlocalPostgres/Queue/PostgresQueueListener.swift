import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Wakes an idle dispatcher node when another node (or a person) makes work due: it LISTENs on
/// the store's `queueChannel` over a connection of its own, and `wait(upTo:)` returns as soon as a
/// notification arrives, or after the given time. A lost connection is opened again on the next wait;
/// meanwhile waits simply time out, so a node polls at its usual pace while the database is away.
public final class PostgresQueueListener: @unchecked Sendable {
    private let pool: PostgresConnectionPool
    private let channel: String
    private let condition = NSCondition()
    private var notifications = 0
    private var connection: PostgresConnection?

    /// A listener on the database of `store`.
    public init(store: PostgresStore) {
        pool = store.pool
        channel = store.pool.location.queueChannel
    }

    deinit { _ = try? connection?.close().wait() }

    /// How many notifications arrived so far.
    public var received: Int { condition.withLock { notifications } }

    /// Blocks until a notification arrives or `seconds` pass; true if woken by a notification.
    @discardableResult
    public func wait(upTo seconds: TimeInterval) -> Bool {
        listenIfNeeded()
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        let seen = notifications
        while notifications == seen {
            if !condition.wait(until: deadline) { return notifications != seen }
        }
        return true
    }

    /// Opens the listening connection if there is none (or it broke); quietly gives up if the server is
    /// away. True when the server has confirmed the `LISTEN`: from then on no notification is missed.
    @discardableResult
    public func listenIfNeeded() -> Bool {
        if let connection, !connection.isClosed { return true }
        guard let opened = try? pool.openDedicated() else { return false }
        opened.addListener(channel: channel) { [weak self] _, _ in
            guard let self else { return }
            self.condition.withLock {
                self.notifications += 1
                self.condition.broadcast()
            }
        }
        var logger = Logger(label: "glocal.postgres.listen")
        logger.logLevel = .critical
        guard (try? PostgresAnswer.wait(opened.query("LISTEN \(unescaped: channel)", logger: logger), on: opened)) != nil else {
            _ = try? opened.close().wait()
            return false
        }
        connection = opened
        return true
    }
}
