import Foundation
import GlocalStore
import Testing

@testable import GlocalUseCases

/// A node whose secret key opens none of the store's sealed credentials is refused at start.
struct CredentialKeyCheckTests {
    static func key(_ byte: UInt8) throws -> SecretKey { try SecretKey(bytes: Data(repeating: byte, count: 32)) }

    @Test func aKeyThatOpensNoneIsRefusedOneThatOpensAnyPasses() throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: Never.self) { try CredentialKeyCheck.verify(store.accountSecrets(key: try Self.key(1))) }
        let sealing = store.accountSecrets(key: try Self.key(1))
        try sealing.store(Data("a".utf8), account: "lum-fr-x", now: Date())
        try sealing.store(Data("b".utf8), account: "lum-fr-mastodon", now: Date())
        #expect(throws: UseCaseError.secretKeyOpensNone(sealed: 2)) {
            try CredentialKeyCheck.verify(store.accountSecrets(key: try Self.key(2)))
        }
        try CredentialKeyCheck.verify(sealing)
        // One account sealed by another key: the node's key still opens the rest, so it starts.
        try store.accountSecrets(key: try Self.key(2)).store(Data("c".utf8), account: "lum-uk-x", now: Date())
        try CredentialKeyCheck.verify(sealing)
        let words = UseCaseError.secretKeyOpensNone(sealed: 2).description
        #expect(words.hasPrefix("this node's secret key opens none of the credentials sealed in the store (2 accounts): "))
    }
}
