import Foundation
import GRDB
import GlocalCore
import GlocalServer
import GlocalYAML
@testable import GlocalStore
import Hummingbird
import HummingbirdTesting

/// `ServerFixture`'s variants and users in a store on disk (so a second connection can lock it),
/// whose writer waits only `busyTimeout` for a lock, served by a router whose log the test reads.
struct StoreBusyFixture {
    let directory: URL
    let path: String
    let store: SQLiteVariantStore
    let environment: ServerEnvironment
    let log = CapturedLog()

    init(busyTimeoutMilliseconds: Int = 150) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-busy-\(UUID().uuidString)")
        path = directory.appendingPathComponent("glocal.sqlite").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // As `SQLiteVariantStore(path:)` opens it (a WAL pool, foreign keys on), but every connection, the
        // writer and the readers, waits `busyTimeoutMilliseconds` for a lock instead of 5 s.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Double(busyTimeoutMilliseconds) / 1000)
        store = try SQLiteVariantStore(writer: DatabasePool(path: path, configuration: configuration))
        try store.apply(
            Plan(
                changes: ServerFixture.defaultVariants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: ServerFixture.start)
        let users = UserStore(store: store, bcryptCost: 4)
        _ = try users.add(email: ServerFixture.france, role: .manager, password: ServerFixture.password, now: ServerFixture.start)
        environment = ServerEnvironment(
            workspace: ServerFixture.workspace, workspaceRoot: ServerFixture.root, store: store, users: users,
            sessions: SessionStore(store: store), media: FileMediaInspector(root: ServerFixture.root),
            now: { ServerFixture.start })
    }

    /// Runs `body` with a client of the in-process router (plus `extraRoutes`), logging into `log`.
    func test(
        extraRoutes: (Router<AppRequestContext>) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = ApprovalServer.router(environment)
        extraRoutes(router)
        let app = Application(router: router, logger: log.logger())
        try await app.test(.router, body)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// A second connection to the store's file holding SQLite's write lock in an open IMMEDIATE
/// transaction, as `glocal apply` does while it writes a plan.
final class WriteLockHolder {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    }

    /// Ends the transaction: the store is free again.
    func release() throws {
        try queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }
}
