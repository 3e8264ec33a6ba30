import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// The token keeper refreshes tokens ahead of expiry on its own schedule (no post due), backs off after a passing
/// failure, and holds an account whose refresh the network refuses, audited, once.
struct TokenKeeperTests {
    static let key = Data(repeating: 7, count: 32)

    static func keeper(_ dispatcher: Dispatcher, _ store: SQLiteVariantStore, _ clock: SimulatedClock) throws -> (
        TokenKeeper, StoredCredentials
    ) {
        let credentials = StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: key)))
        let keeper = TokenKeeper(
            accounts: DispatchHarness.accounts.map { ($0.id, $0.network) }, credentials: credentials,
            clients: dispatcher.clients, holds: store.publishQueue,
            policy: TokenRefreshPolicy(ahead: 24 * 3600, baseBackoff: 300, maxBackoff: 3600), clock: { clock.now })
        return (keeper, credentials)
    }

    @Test func aTokenIsRefreshedADayAheadThenAtHalfItsLife() async throws {
        try await DispatchHarness.run { dispatcher, store, _, clock, _ in
            let (keeper, credentials) = try Self.keeper(dispatcher, store, clock)
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(2 * 86_400)
            try await credentials.store(x, for: "lum-fr-x")
            #expect(await keeper.runOnce().isEmpty)
            clock.advance(by: 86_401)
            let reports = await keeper.runOnce()
            #expect(
                reports == [.init(accountID: "lum-fr-x", outcome: .refreshed(expiresAt: clock.now.addingTimeInterval(7_200)))])
            let fresh = try #require(try await credentials.credentials(for: "lum-fr-x"))
            #expect(fresh.accessToken != x.accessToken && fresh.expiresAt == clock.now.addingTimeInterval(7_200))
            // X's token lives two hours: the next refresh comes at half its life, not at every round.
            #expect(await keeper.runOnce().isEmpty)
            clock.advance(by: 3_601)
            #expect(await keeper.runOnce().map(\.accountID) == ["lum-fr-x"])
            #expect(try store.accountAuditEvents(account: "lum-fr-x").filter { $0.action == .needsReconnect }.isEmpty)
        }
    }

    @Test func aRefusedRefreshHoldsTheAccountOnceAndAuditsIt() async throws {
        try await DispatchHarness.run { dispatcher, store, sandbox, clock, _ in
            let (keeper, credentials) = try Self.keeper(dispatcher, store, clock)
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(3_600)
            try await credentials.store(x, for: "lum-fr-x")
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .expiredToken))
            let reports = await keeper.runOnce()
            let outcome = try #require(reports.first { $0.accountID == "lum-fr-x" }?.outcome)
            guard case .needsReconnect(let reason) = outcome else { Issue.record("\(outcome)"); return }
            #expect(reason.hasPrefix("scheduled token refresh refused: "))
            #expect(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect == reason)
            let events = try store.accountAuditEvents(account: "lum-fr-x").filter { $0.action == .needsReconnect }
            #expect(events.map(\.actor) == ["token-keeper"] && events.first?.reason == reason)
            for secret in [x.accessToken, x.refreshToken!] { #expect(!reason.contains(secret)) }
            // Held: not tried again, nothing more audited.
            clock.advance(by: 600)
            #expect(await keeper.runOnce().isEmpty)
            #expect(try store.accountAuditEvents().filter { $0.action == .needsReconnect }.count == 1)
        }
    }

    @Test func aPassingFailureBacksOff() async throws {
        try await DispatchHarness.run { dispatcher, store, sandbox, clock, _ in
            let (keeper, credentials) = try Self.keeper(dispatcher, store, clock)
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(3_600)
            try await credentials.store(x, for: "lum-fr-x")
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .serverError))
            let first = await keeper.runOnce()
            guard case .failed(_, let retry) = try #require(first.first?.outcome) else { Issue.record("\(first)"); return }
            #expect(retry == clock.now.addingTimeInterval(300))
            #expect(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect == nil)
            clock.advance(by: 299)
            #expect(await keeper.runOnce().isEmpty)
            clock.advance(by: 1)
            #expect(
                await keeper.runOnce().map(\.outcome)
                    == [.refreshed(expiresAt: clock.now.addingTimeInterval(7_200))])
        }
    }
}
