import Foundation
@testable import GlocalPostgres
import GlocalStore
import Testing

/// `NodeLivenessContract` on SQLite: lock files next to a store file (the store's own queue gives the liveness).
struct FileNodeLivenessTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liveness-\(UUID().uuidString)")

    func liveness() throws -> any NodeLiveness {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteVariantStore(path: directory.appendingPathComponent("glocal.sqlite").path)
        let liveness = store.publishQueue.nodeLiveness
        #expect(liveness is FileNodeLiveness)
        return liveness
    }

    @Test func nobodyHoldingIsNotAlive() throws { try NodeLivenessContract.nobodyHoldingIsNotAlive(try liveness()) }
    @Test func aHolderIsAliveUntilItLetsGo() throws { try NodeLivenessContract.aHolderIsAliveUntilItLetsGo(try liveness()) }
    @Test func aCheckLeavesTheLockFree() throws { try NodeLivenessContract.aCheckLeavesTheLockFree(try liveness()) }
    @Test func aLiveIDCannotBeHeldTwice() throws { try NodeLivenessContract.aLiveIDCannotBeHeldTwice(try liveness()) }
    @Test func idsThatAreNotFileNamesAreKeptApart() throws {
        try NodeLivenessContract.idsThatAreNotFileNamesAreKeptApart(try liveness())
    }

    @Test func aLockFileIsRemovedWhenItsNodeLetsGo() throws {
        let liveness = try #require(try liveness() as? FileNodeLiveness)
        let lock = try liveness.hold("node-e")
        #expect(FileManager.default.fileExists(atPath: liveness.lockFile("node-e").path))
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: liveness.lockFile("node-e").path))
        #expect(try liveness.isAlive("node-e") == false)
        let again = try liveness.hold("node-e")
        #expect(try liveness.isAlive("node-e"))
        again.release()
    }

    @Test func theLockFilesLiveNextToTheDatabase() throws {
        let files = FileNodeLiveness(databasePath: "/var/lib/glocal/glocal.sqlite")
        #expect(files.lockFile("node-c").path == "/var/lib/glocal/glocal.sqlite-nodes/node-c.lock")
        #expect(files.lockFile("../x").lastPathComponent.hasPrefix("___x-"))
    }

    @Test func anInMemoryStoreIsOneProcess() throws {
        let liveness = try SQLiteVariantStore.inMemory().publishQueue.nodeLiveness
        #expect(liveness is SingleProcessLiveness)
        let lock = try liveness.hold("node-a")
        #expect(try liveness.isAlive("node-a") == false)
        lock.release()
    }
}

/// `NodeLivenessContract` on PostgreSQL: session advisory locks in a fresh schema.
@Suite(.postgres)
struct PostgresNodeLivenessTests {
    func liveness() throws -> any NodeLiveness {
        let store = try PostgresTestServer.freshStore()
        #expect(store.publishQueue.nodeLiveness is PostgresNodeLiveness)
        // A short wait for a lock held by a live session: the refusal is what is checked.
        return PostgresNodeLiveness(pool: store.pool, holdTimeoutMilliseconds: 200)
    }

    @Test func nobodyHoldingIsNotAlive() throws { try NodeLivenessContract.nobodyHoldingIsNotAlive(try liveness()) }
    @Test func aHolderIsAliveUntilItLetsGo() throws { try NodeLivenessContract.aHolderIsAliveUntilItLetsGo(try liveness()) }
    @Test func aCheckLeavesTheLockFree() throws { try NodeLivenessContract.aCheckLeavesTheLockFree(try liveness()) }
    @Test func aLiveIDCannotBeHeldTwice() throws { try NodeLivenessContract.aLiveIDCannotBeHeldTwice(try liveness()) }
    @Test func idsThatAreNotFileNamesAreKeptApart() throws {
        try NodeLivenessContract.idsThatAreNotFileNamesAreKeptApart(try liveness())
    }

    @Test func lettingGoAfterTheServerEndedTheLocksSessionReturnsAndTheIDCanBeHeldAgain() throws {
        let store = try PostgresTestServer.freshStore()
        let liveness = PostgresNodeLiveness(pool: store.pool, holdTimeoutMilliseconds: 2_000)
        let lock = try liveness.hold("node-a")
        // The server ends the lock's session, as a database restart does (`pg_ctl stop -m fast` terminates them all).
        let ended = try store.pool.transaction { transaction in
            try transaction.value(
                """
                SELECT count(pg_terminate_backend(l.pid))::int
                FROM pg_locks AS l, (SELECT \(unescaped: PostgresNodeLiveness.key) AS k FROM (SELECT 'node-a'::text AS worker) AS s) AS key
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                    AND ((l.classid::bigint << 32) | l.objid::bigint) = key.k
                """, as: Int.self)
        }
        #expect(ended == 1)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            lock.release()
            released.signal()
        }
        #expect(released.wait(timeout: .now() + 20) == .success, "a node stopping after an outage hangs on its lock")
        var alive = true
        for _ in 0..<100 where alive {
            alive = try liveness.isAlive("node-a")
            if alive { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(!alive, "the ended session's lock is gone")
        let again = try liveness.hold("node-a")
        #expect(try liveness.isAlive("node-a"))
        again.release()
    }

    @Test func storesInTwoSchemasDoNotShareALock() throws {
        let first = try liveness()
        let second = try liveness()
        let lock = try first.hold("node-a")
        #expect(try first.isAlive("node-a"))
        #expect(try second.isAlive("node-a") == false)
        lock.release()
    }
}
