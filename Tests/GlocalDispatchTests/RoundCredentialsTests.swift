import Foundation
import GlocalNetworks
import GlocalStore
import Testing

@testable import GlocalDispatch

/// A round reads each account's sealed credentials once, and reads them again after its own refresh
/// or after an attempt that did not publish.
struct RoundCredentialsTests {
    @Test func readOncePerRoundThenAgainAfterARefreshOrAForget() async throws {
        let store = try SQLiteVariantStore.inMemory()
        let sealed = StoredCredentials(secrets: store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 3, count: 32))))
        try await sealed.store(AccountCredentials(accessToken: "a~one", refreshToken: "a~refresh"), for: "acct")
        let round = RoundCredentials(sealed)
        #expect(try await round.credentials(for: "acct")?.accessToken == "a~one")
        // Another process reconnects the account mid-round: this round keeps what it read...
        try await sealed.store(AccountCredentials(accessToken: "a~two", refreshToken: "a~refresh"), for: "acct")
        #expect(try await round.credentials(for: "acct")?.accessToken == "a~one")
        // ...until an attempt of that account fails and it is forgotten.
        round.forget("acct")
        #expect(try await round.credentials(for: "acct")?.accessToken == "a~two")
        // What the round refreshes itself is written through and read back merged (refresh token kept).
        try await round.store(AccountCredentials(accessToken: "a~three"), for: "acct")
        let after = try await round.credentials(for: "acct")
        #expect(after?.accessToken == "a~three")
        #expect(after?.refreshToken == "a~refresh")
        #expect(try await sealed.credentials(for: "acct")?.accessToken == "a~three")
        #expect(try await round.credentials(for: "never-connected") == nil)
    }
}
