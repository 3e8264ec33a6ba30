import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The `variants` table admits every network: its `CHECK (network IN (…))` is a per-network list a new
/// network must be added to by a migration (docs/adding-a-network.md).
struct EveryNetworkStoreTests {
    @Test func aVariantOfEveryNetworkIsStoredAndReadBack() throws {
        let variants = Network.allCases.map { StoreFixtures.variant(account: "account-\($0.rawValue)", network: $0) }
        let store = try SQLiteVariantStore.inMemory()
        #expect(try store.apply(StoreFixtures.creating(variants), actor: "cli", now: StoreFixtures.now) == variants.count)
        #expect(try store.allVariants().map(\.network).sorted() == Network.allCases)
    }
}
