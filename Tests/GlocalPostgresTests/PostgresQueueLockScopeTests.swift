import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO
import Testing

@testable import GlocalPostgres

/// The queue's advisory locks (`sync`, the publishing caps, the token refresh) are the schema's: advisory locks are
/// per database, so each key names the schema, and stores in two schemas of one database never wait for each other,
/// while two stores of one schema still take turns (a sync that finds its schema's sync under way leaves the work to it).
@Suite(.postgres)
struct PostgresQueueLockScopeTests {
    static let slot = Date(timeIntervalSince1970: 1_796_000_000)

    /// A store in a new schema with one approved X post of `account` due at `slot`.
    func schemaWithOnePost(account: String = "lumiere-fr-x") throws -> PostgresLocation {
        let location = try PostgresTestServer.freshLocation()
        let variant = Self.post(1, account: account)
        try PostgresStore(location: location).apply(
            Plan(changes: [
                PlanChange(
                    action: .create, id: variant.id, desired: variant, stored: nil, contentChanged: true, timeChanged: true)
            ]), actor: "test", now: Self.slot.addingTimeInterval(-3_600))
        return location
    }

    /// Approved X post number `number` of `account`, due at `slot`.
    static func post(_ number: Int, account: String = "lumiere-fr-x") -> StoredVariant {
        StoredVariant(
            id: "launch/post-\(number)/\(account)", campaignID: "launch", postID: "post-\(number)", accountID: account,
            network: .x, locale: "fr", kind: .informative, text: "Post \(number)", title: nil, link: nil, linkPlacement: .none,
            media: [], contentHash: "h\(number)", scheduledAt: slot, localTime: nil, timeZone: "UTC", live: false,
            state: .approved, explanation: [])
    }

    @Test func aSyncLeavesItsOwnSchemasWorkToTheSyncUnderWayAndIsNotHeldByAnotherSchemas() throws {
        let schemaA = try schemaWithOnePost(), schemaB = try schemaWithOnePost()
        let other = try PostgresStore(location: schemaB, poolSize: 1), same = try PostgresStore(location: schemaA, poolSize: 1)
        let reports = Box<[QueueSyncReport]>([])
        try holding(PostgresAdvisoryKey.sync, in: schemaA) { _ in
            let otherFinished = try finishes {
                reports.value.append(try other.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard))
            }
            #expect(otherFinished, "a sync in another schema does not wait")
            let sameFinished = try finishes {
                reports.value.append(try same.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard))
            }
            #expect(sameFinished, "a sync that finds its own schema's sync under way does not queue behind it")
        }
        #expect(reports.value.map(\.enqueued) == [1, 0], "the other schema queued its post; the skipped sync queued none")
        #expect(try other.publishQueue.countsByState() == [.scheduled: 1])
        #expect(try same.publishQueue.countsByState() == [:], "the skipped sync wrote nothing")
        let next = try same.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard)
        #expect(next.enqueued == 1, "the next sync that finds the lock free queues the approval")
        #expect(try same.publishQueue.countsByState() == [.scheduled: 1])
    }

    @Test func aSyncThatFindsAnotherNodesSyncUnderWayLeavesWithdrawalsAndApprovalsToTheNextFreeSync() throws {
        let location = try schemaWithOnePost()
        let store = try PostgresStore(location: location, poolSize: 1)
        #expect(try store.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard).enqueued == 1)
        // The queued post is withdrawn (any writer), and another post is approved.
        _ = try store.pool.transaction {
            try $0.execute("UPDATE variant SET state = 'cancelled' WHERE id = 'launch/post-1/lumiere-fr-x'")
        }
        let second = Self.post(2)
        try store.apply(
            Plan(changes: [
                PlanChange(action: .create, id: second.id, desired: second, stored: nil, contentChanged: true, timeChanged: true)
            ]), actor: "test", now: Self.slot.addingTimeInterval(-3_600))
        let skipped = Box<QueueSyncReport?>(nil)
        try holding(PostgresAdvisoryKey.sync, in: location) { _ in
            let finished = try finishes {
                skipped.value = try store.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard)
            }
            #expect(finished, "the sync does not wait for the lock")
        }
        #expect(skipped.value == QueueSyncReport(enqueued: 0, withdrawn: 0, moved: 0, missed: 0))
        #expect(try store.publishQueue.countsByState() == [.scheduled: 1], "nothing changed while the lock was taken")
        let next = try store.publishQueue.sync(now: Self.slot, grace: 900, policy: .standard)
        #expect(next.withdrawn == 1 && next.enqueued == 1, "the next sync that finds the lock free does both")
        #expect(try store.publishQueue.countsByState() == [.scheduled: 1, .cancelled: 1])
    }

    @Test func aCapCheckWaitsForItsOwnSchemasAccountOnlyNotForAnotherSchemas() throws {
        let schemaA = try schemaWithOnePost(), schemaB = try schemaWithOnePost()
        for location in [schemaA, schemaB] {
            _ = try PostgresStore(location: location).publishQueue.sync(now: Self.slot, grace: 900, policy: .standard)
        }
        let key = PostgresAdvisoryKey.sql("cap", subject: "'lumiere-fr-x'")
        let other = try PostgresStore(location: schemaB, poolSize: 1), same = try PostgresStore(location: schemaA, poolSize: 1)
        let waiter = try holding(key, in: schemaA) { holder in
            #expect(try finishes { try Self.start(other) }, "the same account in another schema does not wait")
            return try expectWaits(for: holder, observer: schemaB) { try Self.start(same) }
        }
        #expect(waiter.finished(), "the waiting claim starts its post once the lock is released")
        #expect(try same.publishQueue.countsByState() == [.running: 1])
    }

    /// The refresh lock is taken by async code, so this test waits without blocking the concurrency pool's threads
    /// (other tests may be holding them): the lock holder and the observer run on threads of their own.
    @Test func aTokenRefreshWaitsForItsOwnSchemasAccountOnlyNotForAnotherSchemas() async throws {
        let schemaA = try PostgresTestServer.freshLocation(), schemaB = try PostgresTestServer.freshLocation()
        let key = try SecretKey(bytes: Data(repeating: 7, count: 32))
        let other = PostgresCredentialVault(store: try PostgresStore(location: schemaB, poolSize: 1), key: key)
        let same = PostgresCredentialVault(store: try PostgresStore(location: schemaA, poolSize: 1), key: key)
        let observer = try PostgresStore(location: schemaB, poolSize: 1)
        let holder = try PostgresStore(location: schemaA, poolSize: 1)
        let process = try #require(try holder.pool.transaction { try $0.value("SELECT pg_backend_pid()", as: Int32.self) })
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let lockSQL = PostgresAdvisoryKey.sql("refresh", subject: "'lumiere-fr-x'")
        Thread.detachNewThread {
            _ = try? holder.pool.transaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(\(unescaped: lockSQL))")
                locked.signal()
                release.wait()
            }
            done.signal()
        }
        await Self.offPool { locked.wait() }
        #expect(
            await Self.finishes { try await other.whileRefreshing(account: "lumiere-fr-x") { _ in } },
            "the same account in another schema does not wait")
        let waiting = Task { try await same.whileRefreshing(account: "lumiere-fr-x") { _ in } }
        var blocked = false
        for _ in 0..<400 where !blocked {
            blocked =
                try observer.pool.transaction {
                    try $0.value(
                        "SELECT count(*)::bigint FROM pg_stat_activity WHERE \(process) = ANY(pg_blocking_pids(pid))",
                        as: Int.self)
                } == 1
            if !blocked { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(blocked, "a refresh of the same account in the same schema waits for the lock")
        release.signal()
        try await waiting.value
        await Self.offPool { done.wait() }
    }

    /// Runs a blocking wait on a thread of its own, off the concurrency pool.
    static func offPool(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                body()
                continuation.resume()
            }
        }
    }

    /// Whether `body` finishes without an error within 20 seconds (a lock wait would not; it is left to end later).
    static func finishes(_ body: @escaping @Sendable () async throws -> Void) async -> Bool {
        let outcome = Box<Bool?>(nil)
        Task {
            do {
                try await body()
                outcome.value = true
            } catch { outcome.value = false }
        }
        for _ in 0..<400 where outcome.value == nil { try? await Task.sleep(for: .milliseconds(50)) }
        return outcome.value == true
    }

    // MARK: - Helpers

    /// Claims and starts the store's one job, which must be sent (its cap checked under the account's lock).
    static func start(_ store: PostgresStore) throws {
        let step = try store.publishQueue.settleAndClaim(
            [], rateLimits: [:], worker: "node", now: slot, policy: .standard, lease: 60, limit: 5,
            caps: PublishingCap.caps(for:))
        guard case .send = step.started.first?.start else { throw Unexpected("not sent: \(step.started)") }
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `body` while a transaction in `location` holds the advisory lock `key` (a SQL expression), handing it the
    /// server process holding the lock, then releases the lock; returns what `body` returned.
    func holding<T>(_ key: String, in location: PostgresLocation, _ body: (Int32) throws -> T) throws -> T {
        let holder = try PostgresStore(location: location, poolSize: 1)
        let process = try #require(try holder.pool.transaction { try $0.value("SELECT pg_backend_pid()", as: Int32.self) })
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let failure = Box<String?>(nil)
        DispatchQueue.global().async {
            do {
                try holder.pool.transaction { transaction in
                    try transaction.execute("SELECT pg_advisory_xact_lock(\(unescaped: key))")
                    locked.signal()
                    release.wait()
                }
            } catch {
                failure.value = "\(error)"
                locked.signal()
            }
            done.signal()
        }
        locked.wait()
        defer {
            release.signal()
            done.wait()
        }
        #expect(failure.value == nil)
        return try body(process)
    }

    /// Whether `body`, run on another thread, finishes within 20 seconds (a lock wait would not) without an error.
    func finishes(_ body: @escaping @Sendable () throws -> Void) throws -> Bool {
        let done = DispatchSemaphore(value: 0)
        let failure = Box<String?>(nil)
        DispatchQueue.global().async {
            do { try body() } catch { failure.value = "\(error)" }
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 20) == .success
        #expect(failure.value == nil)
        return finished
    }

    /// `body` running on another thread, to be waited for.
    struct Waiter {
        let done: DispatchSemaphore
        let failure: Box<String?>

        /// Whether `body` ended without an error within 20 seconds.
        func finished() -> Bool {
            let ended = done.wait(timeout: .now() + 20) == .success
            #expect(failure.value == nil)
            return ended
        }
    }

    /// Starts `body` on another thread and checks that it waits for `holder`'s lock (a server process blocked by it,
    /// seen from a store in `observer`) and has not finished; the caller waits for it once the lock is released.
    func expectWaits(
        for holder: Int32, observer location: PostgresLocation, _ body: @escaping @Sendable () throws -> Void
    ) throws -> Waiter {
        let observer = try PostgresStore(location: location, poolSize: 1)
        let waiter = Waiter(done: DispatchSemaphore(value: 0), failure: Box(nil))
        DispatchQueue.global().async {
            do { try body() } catch { waiter.failure.value = "\(error)" }
            waiter.done.signal()
        }
        var blocked = false
        for _ in 0..<400 where !blocked {
            blocked =
                try observer.pool.transaction {
                    try $0.value(
                        "SELECT count(*)::bigint FROM pg_stat_activity WHERE \(holder) = ANY(pg_blocking_pids(pid))",
                        as: Int.self)
                } == 1
            if !blocked { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(blocked, "a store of the same schema waits for the lock")
        #expect(waiter.done.wait(timeout: .now()) == .timedOut, "and has not finished while it is held")
        return waiter
    }

    /// A value shared between threads.
    final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T
        init(_ value: T) { stored = value }
        var value: T {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}
