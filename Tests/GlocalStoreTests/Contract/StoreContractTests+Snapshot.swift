import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

extension StoreContractTests {
    // MARK: Snapshots and plans based on a generation

    @Test(arguments: StoreBackend.allCases)
    func aPlanBasedOnAStaleGenerationWritesNothing(backend: StoreBackend) throws {
        let teaser = StoreFixtures.variant(post: "teaser")
        let reveal = StoreFixtures.variant(post: "reveal")
        let store = try store(backend, with: [teaser])
        let planned = try store.variants.snapshot()
        #expect(planned.variants == [teaser])
        try store.variants.setState(teaser.id, to: .approved, actor: "claire", now: StoreFixtures.now)
        let current = try store.variants.snapshot()
        #expect(current.generation > planned.generation)
        #expect(current.variants == [withState(teaser, .approved)])
        #expect(throws: VariantStoreError.storeChanged(events: 1, actors: ["claire"])) {
            try store.variants.apply(
                StoreFixtures.creating([reveal]), basedOn: planned.generation, actor: "planner", now: StoreFixtures.now)
        }
        #expect(try store.variants.allVariants() == [withState(teaser, .approved)])
        #expect(try store.variants.snapshot().generation == current.generation)
        let changed = try store.variants.apply(
            StoreFixtures.creating([reveal]), basedOn: current.generation, actor: "planner", now: StoreFixtures.now)
        #expect(changed == 1)
        #expect(try store.variants.allVariants().map(\.id) == [reveal.id, teaser.id])
        #expect(try store.variants.snapshot().generation > current.generation)
    }
}
