import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// The token keeper and the dispatcher refresh an account through one gate: with X's single-use rotating refresh
/// tokens (the sandbox refuses a spent one), two refreshes at once must not spend the same refresh token twice.
struct AccountRefreshGateTests {
    /// The sandbox's X client (whose token route refuses a refresh token used before, as X does), each refresh held
    /// until released.
    final class HeldRefreshClient: NetworkClient, @unchecked Sendable {
        let base: any NetworkClient
        private let lock = NSLock()
        private var entered = 0
        private var released = false

        init(_ base: any NetworkClient) { self.base = base }

        var network: Network { base.network }
        var calls: Int { lock.withLock { entered } }
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
            for _ in 0..<10_000 where !lock.withLock({ released }) { await Task.yield() }
            return await base.refreshCredentials(credentials)
        }
    }

    @Test func twoConcurrentRefreshesOfOneAccountMakeOneCallAndBothHoldTheNewToken() async throws {
        try await DispatchHarness.run { dispatcher, store, sandbox, clock, _ in
            let client = HeldRefreshClient(try #require(dispatcher.clients[.x]))
            let gate = AccountRefreshGate()
            let credentials = StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: TokenKeeperTests.key)))
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(3_600)
            try await credentials.store(x, for: "lum-fr-x")
            let keeper = TokenKeeper(
                accounts: [("lum-fr-x", .x)], credentials: credentials, clients: [.x: client], holds: store.publishQueue,
                policy: TokenRefreshPolicy(ahead: 24 * 3600, baseBackoff: 300, maxBackoff: 3600), clock: { clock.now },
                refreshGate: gate)
            let scheduled = Task { await keeper.runOnce() }
            for _ in 0..<10_000 where client.calls == 0 { await Task.yield() }
            #expect(client.calls == 1)
            // The dispatcher's refresh of the same account, with the token it read before the keeper's refresh.
            let stale = x
            let dispatched = Task { await gate.refresh(stale, accountID: "lum-fr-x", client: client, store: credentials) }
            for _ in 0..<10_000 where await gate.waiters(for: "lum-fr-x") == 0 { await Task.yield() }
            #expect(await gate.waiters(for: "lum-fr-x") == 1)
            client.release()
            let reports = await scheduled.value
            let outcome = await dispatched.value

            let granted = await sandbox.refreshesGranted(network: "x")
            #expect(client.calls == 1 && granted == 1)
            let stored = try #require(try await credentials.credentials(for: "lum-fr-x"))
            #expect(stored.accessToken != x.accessToken && stored.refreshToken != x.refreshToken)
            #expect(outcome == .refreshed(stored))
            #expect(reports == [.init(accountID: "lum-fr-x", outcome: .refreshed(expiresAt: stored.expiresAt))])
            #expect(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect == nil)
        }
    }

    @Test func aRefreshWithTheStoredTokenStillCallsTheNetwork() async throws {
        try await DispatchHarness.run { dispatcher, store, _, _, _ in
            let client = HeldRefreshClient(try #require(dispatcher.clients[.x]))
            client.release()
            let credentials = StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: TokenKeeperTests.key)))
            let x = DispatchHarness.accounts[1].credentials
            try await credentials.store(x, for: "lum-fr-x")
            let outcome = await AccountRefreshGate().refresh(x, accountID: "lum-fr-x", client: client, store: credentials)
            let stored = try #require(try await credentials.credentials(for: "lum-fr-x"))
            #expect(client.calls == 1 && stored.accessToken != x.accessToken && outcome == .refreshed(stored))
        }
    }

    /// A store that reads `stored` but refuses every write.
    struct UnwritableCredentials: CredentialSource {
        struct Full: Error, CustomStringConvertible { var description: String { "disk full" } }
        let stored: AccountCredentials
        func credentials(for accountID: String) async throws -> AccountCredentials? { stored }
        func store(_ credentials: AccountCredentials, for accountID: String) async throws { throw Full() }
        func whileRefreshing<T>(_ accountID: String, _ body: (AccountCredentials?) async throws -> T) async throws -> T {
            try await body(stored)
        }
    }

    @Test func aRefreshThatCannotBeStoredSaysWhy() async throws {
        try await DispatchHarness.run { dispatcher, _, _, _, _ in
            let client = HeldRefreshClient(try #require(dispatcher.clients[.x]))
            client.release()
            let x = DispatchHarness.accounts[1].credentials
            let outcome = await AccountRefreshGate().refresh(
                x, accountID: "lum-fr-x", client: client, store: UnwritableCredentials(stored: x))
            #expect(client.calls == 1)
            #expect(outcome == .notStored("the refreshed token of lum-fr-x could not be stored: disk full"))
        }
    }

    @Test func aSpentRefreshTokenIsRefusedAndTheKeeperHoldsTheAccount() async throws {
        try await DispatchHarness.run { dispatcher, store, _, clock, _ in
            let client = try #require(dispatcher.clients[.x])
            let credentials = StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: TokenKeeperTests.key)))
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(3_600)
            // Another program spent the stored refresh token (X rotated it); glocal still holds the old one.
            guard case .refreshed = await client.refreshCredentials(x) else {
                Issue.record("the first refresh failed")
                return
            }
            try await credentials.store(x, for: "lum-fr-x")
            let keeper = TokenKeeper(
                accounts: [("lum-fr-x", .x)], credentials: credentials, clients: [.x: client], holds: store.publishQueue,
                policy: TokenRefreshPolicy(ahead: 24 * 3600, baseBackoff: 300, maxBackoff: 3600), clock: { clock.now },
                refreshGate: AccountRefreshGate())
            let reason = "scheduled token refresh refused: " + RefreshRefusal.reason(error: "invalid_request", status: 400)
            #expect(await keeper.runOnce() == [.init(accountID: "lum-fr-x", outcome: .needsReconnect(reason))])
            #expect(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect == reason)
        }
    }
}
