import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The credential vault's sign-ins under way and refresh lock, on every store: an attempt is kept sealed and taken
/// once; the lock hands the body the stored secret and is free again after it, even after a failure.
struct CredentialVaultContractTests {
    static func attempt(state: String, issuedAt: Date = StoreFixtures.now) -> ConnectAttempt {
        ConnectAttempt(
            state: state, sessionKey: "session-digest", accountID: "lumiere-fr-mastodon", network: "mastodon", actor: "claire",
            verifier: "verifier-\(state)", redirectURI: "https://glocal.example/connect/mastodon/callback", issuedAt: issuedAt,
            instance: URL(string: "https://piaille.fr"), instanceClientID: "app-1", instanceClientSecret: "app-secret-1")
    }

    struct Failed: Error {}

    @Test(arguments: StoreBackend.allCases)
    func aKeptAttemptIsTakenOnceWhole(backend: StoreBackend) throws {
        let store = try backend.open()
        let kept = Self.attempt(state: "state-1")
        try store.credentials.keepConnectAttempt(kept, now: StoreFixtures.now)
        try store.credentials.keepConnectAttempt(Self.attempt(state: "state-2"), now: StoreFixtures.now)
        #expect(try store.credentials.takeConnectAttempt(state: "forged") == nil)
        #expect(try store.credentials.takeConnectAttempt(state: "state-1") == kept)
        #expect(try store.credentials.takeConnectAttempt(state: "state-1") == nil)
        #expect(try store.credentials.takeConnectAttempt(state: "state-2")?.verifier == "verifier-state-2")
    }

    @Test(arguments: StoreBackend.allCases)
    func attemptsADayOldAreForgottenWhenAnotherStarts(backend: StoreBackend) throws {
        let store = try backend.open()
        let old = Self.attempt(state: "old", issuedAt: StoreFixtures.now.addingTimeInterval(-86_401))
        let recent = Self.attempt(state: "recent", issuedAt: StoreFixtures.now.addingTimeInterval(-3_600))
        try store.credentials.keepConnectAttempt(old, now: old.issuedAt)
        try store.credentials.keepConnectAttempt(recent, now: recent.issuedAt)
        try store.credentials.keepConnectAttempt(Self.attempt(state: "new"), now: StoreFixtures.now)
        #expect(try store.credentials.takeConnectAttempt(state: "old") == nil)
        // Expired but kept: its callback is told it expired, not that it is unknown.
        #expect(try store.credentials.takeConnectAttempt(state: "recent") == recent)
    }

    @Test(.timeLimit(.minutes(5)), arguments: StoreBackend.allCases)
    func theRefreshLockGivesTheStoredSecretAndIsFreeAfterwards(backend: StoreBackend) async throws {
        let store = try backend.open()
        let vault = store.credentials
        #expect(try await vault.whileRefreshing(account: "lumiere-fr-x") { $0 } == nil)
        try vault.store(Data("first".utf8), account: "lumiere-fr-x", now: StoreFixtures.now)
        await #expect(throws: Failed.self) {
            try await vault.whileRefreshing(account: "lumiere-fr-x") { _ in throw Failed() }
        }
        // Not left held by the failure: taken again at once.
        let read = try await vault.whileRefreshing(account: "lumiere-fr-x") { secret in
            try vault.store(Data("second".utf8), account: "lumiere-fr-x", now: StoreFixtures.now)
            return secret
        }
        #expect(read == Data("first".utf8))
        #expect(try await vault.whileRefreshing(account: "lumiere-fr-x") { $0 } == Data("second".utf8))
    }
}
