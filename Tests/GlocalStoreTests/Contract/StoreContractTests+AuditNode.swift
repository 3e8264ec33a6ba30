import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The dispatcher node in the audit: a store opened for a node (`glocal run --node-id`) records it with the
/// dispatcher's own events (its state changes and the refusals it meets), never with a person's or a plan's.
extension StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func theDispatchersEventsNameTheNodeThatWroteThem(backend: StoreBackend) throws {
        let queued = StoreFixtures.variant(
            post: "teaser", account: "lumiere-fr-instagram", state: .approved, scheduledAt: Self.slot)
        let reviewed = StoreFixtures.variant(post: "recap", account: "lumiere-fr-instagram", state: .pendingApproval)
        let store = try backend.open(nodeID: "node-a")
        try store.variants.apply(StoreFixtures.creating([queued, reviewed]), actor: "apply", now: StoreFixtures.now)
        _ = try store.queue.sync(now: Self.slot.addingTimeInterval(-600), grace: 900, policy: .standard)
        let job = try #require(try store.queue.claim(worker: "node-a/w1", now: Self.slot, lease: lease, limit: 5).first)
        _ = try store.queue.begin(job, worker: "node-a/w1", now: Self.slot, caps: noCaps)
        #expect(
            try store.queue.finish(
                job, worker: "node-a/w1", resolution: .hold(reason: "token revoked"), now: Self.slot, policy: .standard))
        try store.variants.setState(reviewed.id, to: .approved, actor: "claire", now: Self.slot)
        try store.queue.setPaused(true, account: "lumiere-fr-instagram", actor: "claire", now: Self.slot)

        let events = try store.audit.auditEvents(variant: queued.id)
        #expect(events.map(\.toState) == [.approved, .scheduled, .publishing, .scheduled])
        #expect(events.map(\.node) == [nil, "node-a", "node-a", "node-a"], "apply wrote the create; the dispatcher the moves")
        #expect(events.dropFirst().allSatisfy { $0.actor == PublishQueue.actor })
        #expect(try store.audit.auditEvents(variant: reviewed.id).map(\.node) == [nil, nil], "a person's move names no node")
        #expect(try store.audit.recentAuditEvents(limit: 1, visible: { _ in true }).first?.node == nil)
        #expect(
            try store.audit.recentAuditEvents(limit: 10, visible: { _ in true }).filter { $0.node == "node-a" }.count == 3)

        let accountEvents = try store.audit.accountAuditEvents(account: "lumiere-fr-instagram")
        #expect(accountEvents.map(\.action) == [.needsReconnect, .pause])
        #expect(accountEvents.map(\.node) == ["node-a", nil], "the refusal met while publishing names the node")
        #expect(try store.audit.recentAccountAuditEvents(limit: 5, visible: { _ in true }).map(\.node) == [nil, "node-a"])
    }

    @Test(arguments: StoreBackend.allCases)
    func aStoreOpenedWithoutANodeWritesNone(backend: StoreBackend) throws {
        let (store, variant, _) = try claimed(backend)
        let events = try store.audit.auditEvents(variant: variant.id)
        #expect(events.map(\.action) == [.create, .setState, .setState], "apply's create, the dispatcher's sync and claim")
        #expect(events.allSatisfy { $0.node == nil })
    }
}
