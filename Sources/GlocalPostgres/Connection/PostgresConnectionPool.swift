import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A few connections to one PostgreSQL database, shared by the store's types, and the one place that
/// opens transactions. Calls block the calling thread until the server answers (the store protocols
/// are synchronous, like GRDB's); the connections themselves run on SwiftNIO's event loops.
///
/// A connection that broke (the server restarted) is dropped and a new one opened on next use; a
/// transaction that failed before its COMMIT was sent is run again on a new connection, a deadlock or
/// serialization failure too, a few times. A COMMIT whose answer was lost is reported, never repeated.
public final class PostgresConnectionPool: @unchecked Sendable {
    /// Where the connections go.
    public let location: PostgresLocation
    private let size: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private var nextID = 0
    private var closed = false
    /// The client's configuration, made once: its TLS context reads the authorities' certificates.
    private var configuration: PostgresConnection.Configuration?
    private let logger: Logger

    /// How many times a transaction runs at most (deadlocks, serialization failures, lost connections).
    static let attempts = 5

    /// A pool of up to `size` connections to `location` (none opened until needed).
    public init(location: PostgresLocation, size: Int = 4) {
        self.location = location
        self.size = max(1, size)
        // The client logs statements at trace level only; keep it quiet so no argument is ever logged.
        var logger = Logger(label: "glocal.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit { close() }

    /// Closes every idle connection; the pool opens no new one after.
    public func close() {
        condition.lock()
        closed = true
        let connections = idle
        idle = []
        condition.unlock()
        for connection in connections { _ = try? connection.close().wait() }
    }

    /// Runs `body` in one READ COMMITTED transaction and commits it; rolls back if it throws.
    public func transaction<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", body)
    }

    /// Runs `body` in a transaction opened by `begin` (e.g. `BEGIN ISOLATION LEVEL REPEATABLE READ`).
    public func transaction<T>(begin: StaticString, _ body: (PostgresTransaction) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            let connection = try checkOut()
            let transaction = PostgresTransaction(connection: connection, logger: logger)
            var committing = false
            do {
                try transaction.execute(PostgresQuery(unsafeSQL: "\(begin)"))
                let result = try body(transaction)
                committing = true
                try transaction.execute("COMMIT")
                checkIn(connection)
                return result
            } catch let error as PostgresStoreError {
                if error.isConnectionLoss {
                    discard(connection)
                    if committing {
                        throw PostgresStoreError(sqlState: error.sqlState, message: error.message, commitOutcomeUnknown: true)
                    }
                    if attempt >= Self.attempts { throw error }
                    continue
                }
                _ = try? transaction.execute("ROLLBACK")
                checkIn(connection)
                if error.isTransient, attempt < Self.attempts { continue }
                throw error
            } catch {
                _ = try? transaction.execute("ROLLBACK")
                checkIn(connection)
                throw error
            }
        }
    }

    /// Runs one statement outside a transaction (`CREATE SCHEMA`, `LISTEN`…).
    public func execute(_ query: PostgresQuery) throws {
        let connection = try checkOut()
        do {
            try PostgresTransaction(connection: connection, logger: logger).execute(query)
            checkIn(connection)
        } catch let error as PostgresStoreError where error.isConnectionLoss {
            discard(connection)
            throw error
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// A dedicated connection outside the pool (the caller closes it), e.g. to LISTEN.
    func openDedicated() throws -> PostgresConnection {
        try connect()
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresStoreError(sqlState: "connection", message: "the store was closed")
            }
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isClosed {
                    discard(connection)
                    condition.lock()
                    continue
                }
                return connection
            }
            if opened < size {
                opened += 1
                condition.unlock()
                do {
                    return try connect()
                } catch {
                    condition.lock()
                    opened -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func connect() throws -> PostgresConnection {
        condition.lock()
        nextID += 1
        let id = nextID
        let made = configuration
        condition.unlock()
        let place = location.socketPath ?? "\(location.host):\(location.port)"
        let configuration: PostgresConnection.Configuration
        do { configuration = try made ?? location.configuration() } catch {
            throw PostgresStoreError(
                sqlState: "connection",
                message: "cannot set up TLS for \(place) (sslmode=\(location.sslMode.rawValue)"
                    + (location.rootCertificate.map { ", sslrootcert=\($0)" } ?? "") + "): \(error)")
        }
        if made == nil {
            condition.lock()
            self.configuration = configuration
            condition.unlock()
        }
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            throw PostgresConnectFailure.translate(error, place: place, location: location)
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        condition.lock()
        if closed {
            condition.unlock()
            _ = try? connection.close().wait()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    private func discard(_ connection: PostgresConnection) {
        _ = try? connection.close().wait()
        condition.lock()
        opened -= 1
        condition.signal()
        condition.unlock()
    }
}
