import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

extension StoreContractTests {
    // MARK: An ambiguous attempt: the handle saved, looked up, then resent

    @Test(arguments: StoreBackend.allCases)
    func aSavedHandleIsLookedUpNextAndOnlyTheHolderResends(backend: StoreBackend) throws {
        let (store, variant, job) = try claimed(backend)
        let handle = PublishReceipt(remoteID: "container-1")
        #expect(try store.queue.savePending(handle, for: job, worker: "w1"))
        let later = Self.slot.addingTimeInterval(10)
        #expect(
            try store.queue.finish(
                job, worker: "w1", resolution: .reconcile(at: later, reason: "timeout"), now: Self.slot, policy: .standard))
        #expect(try store.variants.variant(variant.id)?.state == .unknown)
        #expect(try store.queue.nextDue() == later)
        let next = try #require(try store.queue.claim(worker: "w2", now: later, lease: lease, limit: 1).first)
        #expect(
            try store.queue.begin(next, worker: "w2", now: later, caps: noCaps)
                == .reconcile(withState(variant, .unknown), pending: handle))
        // The look-up found nothing: only the worker holding the job may send it again.
        #expect(try !store.queue.resend(next, worker: "w1", now: later))
        #expect(try store.variants.variant(variant.id)?.state == .unknown)
        #expect(try store.queue.resend(next, worker: "w2", now: later))
        #expect(try store.variants.variant(variant.id)?.state == .publishing)
        #expect(try store.audit.auditEvents(variant: variant.id).last?.toState == .publishing)
    }
}
