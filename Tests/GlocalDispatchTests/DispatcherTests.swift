import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// The dispatcher end to end: a real SQLite store, sealed credentials, and the sandbox over loopback
/// HTTP. Time is a value the test moves; nothing sleeps.
struct DispatcherTests {
    static let slot = DispatchHarness.slot
    static let accounts = DispatchHarness.accounts

    func withDispatcher(
        perAccount count: Int = 1,
        _ body: @Sendable (Dispatcher, SQLiteVariantStore, SandboxState, SimulatedClock, [StoredVariant]) async throws -> Void
    ) async throws {
        try await DispatchHarness.run(perAccount: count, body)
    }

    @Test func dueVariantsGoOutOnceEachAndLaterOnesWait() async throws {
        try await withDispatcher(perAccount: 2) { dispatcher, store, sandbox, clock, variants in
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["published", "published", "published"])
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 3)
            #expect(try await dispatcher.runOnce().isEmpty)
            clock.advance(by: 600)
            #expect(try await dispatcher.runOnce().count == 3)
            let posts = await sandbox.storedPosts().filter { $0.kind == "post" }
            #expect(posts.count == 6)
            for variant in variants {
                #expect(try store.variant(variant.id)?.state == .published)
                let receipt = try #require(try store.publishQueue.publication(of: variant.id))
                #expect(posts.contains { $0.id == receipt.remoteID || receipt.remoteID.hasSuffix($0.id) })
            }
        }
    }

    @Test func aConnectionDroppedAfterThePostWasStoredIsReconciledNotResent() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, variants in
            for account in Self.accounts {
                await sandbox.inject(SandboxFault(network: account.network.rawValue, account: account.key, kind: .dropAfterStore))
            }
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["unknown", "unknown", "unknown"])
            for variant in variants { #expect(try store.variant(variant.id)?.state == .unknown) }
            clock.advance(by: 120)
            let second = try await dispatcher.runOnce()
            #expect(second.map(\.outcome) == ["published", "published", "published"])
            // Exactly one post per variant on the network, whatever the retries.
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 3)
            for variant in variants { #expect(try store.variant(variant.id)?.state == .published) }
        }
    }

    @Test func aRateLimitWaitsExactlyForTheNetworksReset() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, variants in
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .rateLimit, seconds: 300))
            let first = try await dispatcher.runOnce()
            #expect(first.filter { $0.outcome == "rate_limited" }.map(\.accountID) == ["lum-fr-mastodon"])
            let mastodon = try #require(variants.first { $0.network == .mastodon })
            let job = try #require(try store.publishQueue.job(forVariant: mastodon.id))
            #expect(job.runAt == Self.slot.addingTimeInterval(300) && job.attempt == 0)
            clock.advance(by: 299)
            #expect(try await dispatcher.runOnce().isEmpty)
            clock.advance(by: 1)
            #expect(try await dispatcher.runOnce().map(\.outcome) == ["published"])
            #expect(await sandbox.storedPosts(network: "mastodon").filter { $0.kind == "post" }.count == 1)
        }
    }

    @Test func anExpiredTokenIsRefreshedAndADeadOneHoldsTheAccount() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, _ in
            // X has a refresh token: one expired answer, a refresh, then the post goes out.
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .expiredToken))
            // Mastodon tokens cannot be refreshed: the account is held until someone reconnects it.
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .expiredToken))
            let first = try await dispatcher.runOnce()
            // The refreshed X job comes back due at once, so the same round sends it.
            #expect(first.filter { $0.accountID == "lum-fr-x" }.map(\.outcome) == ["retry", "published"])
            let last = Dictionary(first.map { ($0.accountID, $0.outcome) }, uniquingKeysWith: { $1 })
            #expect(last["lum-fr-mastodon"] == "held")
            #expect(try store.publishQueue.holds(account: "lum-fr-mastodon").needsReconnect != nil)
            clock.advance(by: 60)
            #expect(try await dispatcher.runOnce().isEmpty)
            #expect(await sandbox.storedPosts(network: "x").filter { $0.kind == "post" }.count == 1)
            #expect(await sandbox.storedPosts(network: "mastodon").isEmpty)
        }
    }

    /// The harness's sealed credentials, to change an account's expiry.
    private func sealed(_ store: SQLiteVariantStore) throws -> StoredCredentials {
        StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32))))
    }

    @Test func aTokenAboutToExpireIsRefreshedBeforeThePostGoesOut() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, _ in
            var x = Self.accounts[1].credentials
            x.expiresAt = Self.slot.addingTimeInterval(Dispatcher.refreshMargin - 60)
            try await sealed(store).store(x, for: "lum-fr-x")
            let reports = try await dispatcher.runOnce()
            // Refreshed first, so the post went out on its first attempt, with no refused call.
            #expect(reports.filter { $0.accountID == "lum-fr-x" }.map(\.outcome) == ["published"])
            let renewed = try #require(try await sealed(store).credentials(for: "lum-fr-x"))
            #expect(renewed.accessToken != x.accessToken && renewed.accessToken.hasPrefix("2244994945~access-"))
            #expect(renewed.refreshToken != x.refreshToken && renewed.refreshToken?.hasPrefix("2244994945~refresh-") == true)
            #expect((renewed.expiresAt ?? .distantPast) > Self.slot.addingTimeInterval(3600))
            #expect(await sandbox.storedPosts(network: "x").filter { $0.kind == "post" }.count == 1)
            // A token far from its expiry is used as it is.
            #expect(
                try await sealed(store).credentials(for: "lum-fr-mastodon")?.accessToken
                    == Self.accounts[0].credentials.accessToken)
        }
    }

    @Test func anExpiredTokenWhoseRefreshIsRefusedHoldsTheAccountBeforeAnythingIsSent() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, _ in
            var x = Self.accounts[1].credentials
            x.expiresAt = Self.slot.addingTimeInterval(-60)
            try await sealed(store).store(x, for: "lum-fr-x")
            await sandbox.inject(SandboxFault(network: "x", account: "2244994945", kind: .expiredToken))
            let reports = try await dispatcher.runOnce()
            #expect(reports.filter { $0.accountID == "lum-fr-x" }.map(\.outcome) == ["held"])
            let reason = try #require(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect)
            #expect(reason.contains("token expired; refresh refused"))
            #expect(await sandbox.storedPosts(network: "x").isEmpty)
            // The stored refresh token is kept: a refusal never blanks it.
            #expect(try await sealed(store).credentials(for: "lum-fr-x")?.refreshToken == x.refreshToken)
            // The other accounts went out as usual.
            #expect(reports.filter { $0.outcome == "published" }.count == 2)
        }
    }

    /// Mastodon's refresh gives back the token it was given: a token Mastodon refuses is tried once more (a refusal
    /// that passes), then held for a person to reconnect, not retried at once for ever (the audit saw 50 000 attempts
    /// in 14 minutes).
    @Test(arguments: [1, 1_000])
    func aRefreshThatGivesBackTheSameTokenIsTriedOnceMore(refusals: Int) async throws {
        try await withDispatcher { dispatcher, store, sandbox, _, _ in
            var mastodon = Self.accounts[0].credentials
            mastodon.refreshToken = "42~refresh-m"
            try await sealed(store).store(mastodon, for: "lum-fr-mastodon")
            await sandbox.inject(SandboxFault(network: "mastodon", account: "42", kind: .expiredToken, count: refusals))
            let reports = try await dispatcher.runOnce()
            let outcomes = reports.filter { $0.accountID == "lum-fr-mastodon" }.map(\.outcome)
            let posts = await sandbox.storedPosts(network: "mastodon").filter { $0.kind == "post" }
            if refusals == 1 {
                #expect(outcomes == ["retry", "published"], "\(reports)")
                #expect(posts.count == 1)
            } else {
                #expect(outcomes == ["retry", "held"], "\(reports)")
                let reason = try #require(try store.publishQueue.holds(account: "lum-fr-mastodon").needsReconnect)
                #expect(reason.contains("refused again after its refresh gave back the same token"), "\(reason)")
                #expect(posts.isEmpty)
            }
        }
    }

    @Test func credentialsThatDoNotOpenHoldTheAccountInsteadOfBouncingEveryMinute() async throws {
        try await withDispatcher { dispatcher, store, sandbox, clock, _ in
            // Sealed by another key (another node's GLOCAL_SECRET_KEY): this node cannot open them.
            let other = store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 9, count: 32)))
            try other.store(Data(#"{"access_token":"t"}"#.utf8), account: "lum-fr-x", now: clock.now)
            let reports = try await dispatcher.runOnce()
            let held = try #require(reports.first { $0.accountID == "lum-fr-x" })
            #expect(held.outcome == "held")
            let reason = try #require(try store.publishQueue.holds(account: "lum-fr-x").needsReconnect)
            #expect(reason.contains("do not open with this key") && reason.contains("reconnect"))
            #expect(reports.filter { $0.accountID != "lum-fr-x" }.map(\.outcome) == ["published", "published"])
            // Held, it is not claimed again a minute later (it was: two audit rows a minute, for ever).
            clock.advance(by: 120)
            #expect(try await dispatcher.runOnce().isEmpty)
            #expect(await sandbox.storedPosts().filter { $0.kind == "post" }.count == 2)
        }
    }

    @Test func credentialsAreSealedAndARefreshNeverBlanksTheRefreshToken() async throws {
        let store = try SQLiteVariantStore.inMemory()
        let secrets = store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 1, count: 32)))
        let credentials = StoredCredentials(secrets: secrets)
        try await credentials.store(AccountCredentials(accessToken: "old-access", refreshToken: "keep-me"), for: "a")
        try await credentials.store(AccountCredentials(accessToken: "new-access", refreshToken: ""), for: "a")
        let kept = try #require(try await credentials.credentials(for: "a"))
        #expect(kept.accessToken == "new-access" && kept.refreshToken == "keep-me")
        let sealed = try store.accountSecrets(key: SecretKey(bytes: Data(repeating: 2, count: 32)))
        #expect(throws: AccountSecrets.Failure.cannotOpen(account: "a")) { try sealed.secret(account: "a") }
    }
}
