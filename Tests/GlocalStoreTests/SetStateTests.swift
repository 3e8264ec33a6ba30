import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Guarded state changes outside of plans (approval, publishing).
struct SetStateTests {
    private let now = StoreFixtures.now

    @Test func aVariantWalksTheHappyPathWithAnAuditEventPerStep() throws {
        let variant = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [variant])
        let steps: [VariantState] = [.approved, .scheduled, .publishing, .published]
        for state in steps { try store.setState(variant.id, to: state, actor: "claire@lumiere.example", now: now) }
        #expect(try store.variant(variant.id)?.state == .published)
        let events = try store.auditEvents(variant: variant.id).dropFirst()
        #expect(events.map(\.action) == Array(repeating: .setState, count: 4))
        #expect(events.map(\.toState) == steps)
        #expect(events.map(\.fromState) == [.pendingApproval, .approved, .scheduled, .publishing])
    }

    @Test(arguments: [
        (VariantState.published, VariantState.scheduled), (.cancelled, .approved), (.pendingApproval, .published),
        (.draft, .draft),
    ])
    func aTransitionTheStateMachineForbidsIsRefused(from: VariantState, to: VariantState) throws {
        let variant = StoreFixtures.variant(state: from)
        let store = try StoreFixtures.store(with: [variant])
        let error = #expect(throws: VariantStoreError.self) { try store.setState(variant.id, to: to, actor: "cli", now: now) }
        #expect(error == .invalidTransition(variantID: variant.id, from: from, to: to))
        #expect(try store.variant(variant.id)?.state == from)
        #expect(try store.auditEvents().count == 1)
    }

    @Test func anUnknownVariantIsReported() throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: VariantStoreError.variantNotFound("nope")) {
            try store.setState("nope", to: .approved, actor: "cli", now: now)
        }
    }
}
