import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Every store admits every network: `variant.network` is checked against a list a new network is
/// added to by a migration on each store (docs/adding-a-network.md).
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func aVariantOfEveryNetworkIsStoredAndReadBack(backend: StoreBackend) throws {
        let variants = Network.allCases.map { StoreFixtures.variant(account: "account-\($0.rawValue)", network: $0) }
        let store = try backend.open()
        #expect(
            try store.variants.apply(StoreFixtures.creating(variants), actor: "cli", now: StoreFixtures.now) == variants.count)
        #expect(try store.variants.allVariants().map(\.network).sorted() == Network.allCases)
    }
}
