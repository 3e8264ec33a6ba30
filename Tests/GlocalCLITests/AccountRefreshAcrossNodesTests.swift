import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
@testable import GlocalPostgres
import GlocalSandbox
import GlocalStore
import Testing

/// Two nodes on one store (each with a store connection, a vault and a refresh gate of its own, as two processes
/// have) refresh one X account at once against the sandbox, whose X token route refuses a refresh token used before:
/// the store's refresh lock makes the second wait and take the token the first stored, so the network is called
/// once, both end with the new token, and neither is refused ("needs reconnect").
@Suite(.serialized)
struct AccountRefreshAcrossNodesTests {
    static let key = Data(repeating: 9, count: 32)
    static let stale = AccountCredentials(
        accessToken: "lumierefr~access-0", refreshToken: "lumierefr~refresh-0",
        expiresAt: Date(timeIntervalSince1970: 1_796_115_600), clientID: "glocal-sandbox")

    /// The sandbox's X client, its refreshes held until released.
    final class HeldRefreshClient: NetworkClient, @unchecked Sendable {
        let base: any NetworkClient
        private let lock = NSLock()
        private var entered = 0
        private var released = false

        init(_ base: any NetworkClient) { self.base = base }

        var network: Network { base.network }
        var refreshesEntered: Int { lock.withLock { entered } }
        func release() { lock.withLock { released = true } }

        func publish(
            _ post: OutgoingPost, credentials: AccountCredentials, pending: PublishReceipt?, onPending: PendingRecorder
        ) async -> PublishOutcome {
            await base.publish(post, credentials: credentials, pending: pending, onPending: onPending)
        }

        func lookUp(_ post: OutgoingPost, pending: PublishReceipt?, credentials: AccountCredentials) async -> LookUpOutcome {
            await base.lookUp(post, pending: pending, credentials: credentials)
        }

        func fetchMetrics(_ receipt: PublishReceipt, credentials: AccountCredentials) async -> MetricsOutcome {
            await base.fetchMetrics(receipt, credentials: credentials)
        }

        func refreshCredentials(_ credentials: AccountCredentials) async -> RefreshOutcome {
            lock.withLock { entered += 1 }
            try? await AccountRefreshAcrossNodesTests.waitUntil { lock.withLock { released } }
            return await base.refreshCredentials(credentials)
        }
    }

    /// A flag one task raises and another waits for.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false

        func raise() { lock.withLock { raised = true } }
        var isRaised: Bool { lock.withLock { raised } }
    }

    /// A node's credentials, telling when a refresh asks the store for the account's refresh lock.
    final class LockWatchingCredentials: CredentialSource, @unchecked Sendable {
        let base: any CredentialSource
        private let lock = NSLock()
        private var asked = 0

        init(_ base: any CredentialSource) { self.base = base }

        var lockRequests: Int { lock.withLock { asked } }

        func credentials(for accountID: String) async throws -> AccountCredentials? {
            try await base.credentials(for: accountID)
        }

        func store(_ credentials: AccountCredentials, for accountID: String) async throws {
            try await base.store(credentials, for: accountID)
        }

        func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
            lock.withLock { asked += 1 }
            return try await base.whileRefreshing(accountID, body)
        }
    }

    /// Waits until `condition` holds, polling (a bounded wait on a condition, not a guess at a duration).
    static func waitUntil(_ condition: () throws -> Bool) async throws {
        for _ in 0..<3_000 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Node A refreshes and is held at the network; node B, with the same stale token, asks for the lock; A is released.
    static func refreshAtOnce(first: any CredentialVault, second: any CredentialVault) async throws {
        let state = SandboxState(now: Date(timeIntervalSince1970: 1_796_115_600))
        try await SandboxServer(state: state).withRunning { url in
            let environment = ClientEnvironment(
                transport: URLSessionTransport(timeout: 60), endpoints: .sandbox(baseURL: url), clock: { Self.stale.expiresAt! })
            let client = HeldRefreshClient(XClient(environment: environment))
            let nodeA = StoredCredentials(secrets: first)
            let nodeB = LockWatchingCredentials(StoredCredentials(secrets: second))
            try await nodeA.store(Self.stale, for: "lumiere-fr-x")
            let refreshA = Task {
                await AccountRefreshGate().refresh(Self.stale, accountID: "lumiere-fr-x", client: client, store: nodeA)
            }
            try await Self.waitUntil { client.refreshesEntered > 0 }
            #expect(client.refreshesEntered == 1)
            let refreshB = Task {
                await AccountRefreshGate().refresh(Self.stale, accountID: "lumiere-fr-x", client: client, store: nodeB)
            }
            try await Self.waitUntil { nodeB.lockRequests > 0 }
            #expect(nodeB.lockRequests == 1)
            client.release()
            let outcomeA = await refreshA.value
            let outcomeB = await refreshB.value

            let stored = try #require(try await nodeA.credentials(for: "lumiere-fr-x"))
            #expect(stored.refreshToken != Self.stale.refreshToken && stored.accessToken != Self.stale.accessToken)
            #expect(outcomeA == .refreshed(stored))
            #expect(outcomeB == .refreshed(stored))
            #expect(client.refreshesEntered == 1)
            #expect(await state.refreshesGranted(network: "x") == 1)
        }
    }

    @Test(.timeLimit(.minutes(5))) func twoNodesOnOneSQLiteFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("glocal.sqlite").path
        let key = try SecretKey(bytes: Self.key)
        let first = try SQLiteVariantStore(path: path).accountSecrets(key: key)
        let second = try SQLiteVariantStore(path: path).accountSecrets(key: key)
        try await Self.refreshAtOnce(first: first, second: second)
    }

    @Test(
        .timeLimit(.minutes(5)),
        .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func twoNodesOnOnePostgreSQLDatabase() async throws {
        let schema = "refresh_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let location = try PostgresLocation(url: try PostgresTestEnvironment.url()).inSchema(schema)
        let key = try SecretKey(bytes: Self.key)
        let storeA = try PostgresStore(location: location, poolSize: 2)
        let storeB = try PostgresStore(location: location, poolSize: 2)
        try await Self.refreshAtOnce(
            first: PostgresCredentialVault(store: storeA, key: key), second: PostgresCredentialVault(store: storeB, key: key))
    }

    /// The key of the account's refresh lock in the store's schema, as the vault computes it (a single `bigint` key:
    /// `pg_locks` shows it as `classid` and `objid`, its high and low halves, with `objsubid` 1).
    static let refreshKey = PostgresAdvisoryKey.sql("refresh", subject: "'lumiere-fr-x'")

    @Test(
        .timeLimit(.minutes(5)),
        .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func aNodeWaitsOnTheAdvisoryLockWhileAnotherRefreshes() async throws {
        let schema = "refresh_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let location = try PostgresLocation(url: try PostgresTestEnvironment.url()).inSchema(schema)
        let key = try SecretKey(bytes: Self.key)
        let storeA = try PostgresStore(location: location, poolSize: 2)
        let storeB = try PostgresStore(location: location, poolSize: 2)
        let vaultA = PostgresCredentialVault(store: storeA, key: key)
        let vaultB = PostgresCredentialVault(store: storeB, key: key)
        try vaultA.store(Data("first".utf8), account: "lumiere-fr-x", now: Date())
        let waiting = {
            try storeA.pool.transaction {
                try $0.value(
                    """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND NOT granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND (classid::bigint << 32) | objid::bigint = \(unescaped: Self.refreshKey)
                    """, as: Int.self) ?? 0
            }
        }
        let (held, release) = AsyncStream<Void>.makeStream()
        let inside = Flag()
        let holder = Task {
            try await vaultA.whileRefreshing(account: "lumiere-fr-x") { secret -> String? in
                inside.raise()
                var iterator = held.makeAsyncIterator()
                _ = await iterator.next()
                try vaultA.store(Data("second".utf8), account: "lumiere-fr-x", now: Date())
                return secret.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        try await Self.waitUntil { inside.isRaised }
        let waiter = Task {
            try await vaultB.whileRefreshing(account: "lumiere-fr-x") { secret in
                secret.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        try await Self.waitUntil { try waiting() > 0 }
        #expect(try waiting() == 1)
        release.yield()
        release.finish()
        #expect(try await holder.value == "first")
        #expect(try await waiter.value == "second")
    }
}
