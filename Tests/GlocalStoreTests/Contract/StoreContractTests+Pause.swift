import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

extension StoreContractTests {
    // MARK: A pause or resume that changes nothing writes nothing

    @Test(arguments: StoreBackend.allCases)
    func pausingAPausedAccountOrResumingARunningOneWritesNoEvent(backend: StoreBackend) throws {
        let store = try backend.open()
        let account = "lumiere-fr-instagram"
        #expect(try store.queue.setPaused(false, account: account, actor: "claire", now: Self.slot) == false)
        #expect(try store.queue.setPaused(true, account: account, actor: "claire", now: Self.slot))
        #expect(try store.queue.setPaused(true, account: account, actor: "marc", now: Self.slot.addingTimeInterval(60)) == false)
        #expect(try store.queue.holds(account: account).paused)
        #expect(try store.queue.setPaused(false, account: account, actor: "marc", now: Self.slot.addingTimeInterval(120)))
        #expect(
            try store.queue.setPaused(false, account: account, actor: "marc", now: Self.slot.addingTimeInterval(180)) == false)
        let events = try store.audit.accountAuditEvents(account: account)
        #expect(events.map(\.action) == [.pause, .resume])
        #expect(events.map(\.actor) == ["claire", "marc"])
    }
}
