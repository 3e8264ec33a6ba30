import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// When the network refuses an account's token and its refresh, the hold the dispatcher sets is in the
/// account audit log: who (the dispatcher, on its node), when, and the network's refusal, without the token.
struct NeedsReconnectAuditTests {
    @Test func aRefusedRefreshIsAuditedOnceByTheDispatcherOnItsNodeWithTheRefusal() async throws {
        try await DispatchHarness.run { dispatcher, store, sandbox, clock, _ in
            let key = try SecretKey(bytes: Data(repeating: 7, count: 32))
            let sealed = StoredCredentials(secrets: store.accountSecrets(key: key))
            var x = DispatchHarness.accounts[1].credentials
            x.expiresAt = DispatchHarness.slot.addingTimeInterval(-60)
            try await sealed.store(x, for: "lum-fr-x")
            // The sandbox answers the refresh with 401: the account needs a person to reconnect it.
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .expiredToken))
            let reports = try await dispatcher.runOnce()
            #expect(reports.filter { $0.accountID == "lum-fr-x" }.map(\.outcome) == ["held"])
            let events = try store.accountAuditEvents(account: "lum-fr-x").filter { $0.action == .needsReconnect }
            let event = try #require(events.first)
            #expect(events.count == 1)
            #expect(event.actor == "dispatcher" && event.node == "test-worker")
            #expect(event.at == clock.now)
            let hold = try #require(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect)
            #expect(event.reason == hold && hold.contains("refresh refused"))
            for secret in [x.accessToken, x.refreshToken].compactMap({ $0 }) {
                #expect(!(event.reason ?? "").contains(secret))
            }
            // The held account is not claimed again, so nothing more is written while it waits.
            clock.advance(by: 60)
            _ = try await dispatcher.runOnce()
            #expect(try store.accountAuditEvents().filter { $0.action == .needsReconnect }.count == 1)
        }
    }
}
