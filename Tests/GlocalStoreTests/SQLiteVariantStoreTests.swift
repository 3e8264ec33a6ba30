import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// Applying plans: creates, keeps, updates, cancels, atomicity and the audit trail.
struct SQLiteVariantStoreTests {
    private let now = StoreFixtures.now

    @Test func applyCreatesVariantsWithAnAuditEventEach() throws {
        let variants = [StoreFixtures.variant(account: "b"), StoreFixtures.variant(account: "a", live: true)]
        let store = try SQLiteVariantStore.inMemory()
        #expect(try store.apply(StoreFixtures.creating(variants), actor: "claire@lumiere.example", now: now) == 2)
        #expect(try store.allVariants() == variants.sorted { $0.id < $1.id })
        let events = try store.auditEvents()
        #expect(events.map(\.action) == [.create, .create])
        #expect(
            events.allSatisfy { $0.actor == "claire@lumiere.example" && $0.at == now && $0.fromState == nil && $0.before == nil })
        #expect(events.map(\.toState) == [.pendingApproval, .pendingApproval])
        #expect(try store.auditEvents(variant: variants[0].id).count == 1)
    }

    @Test func applyingAPlanOfKeepsChangesNothing() throws {
        let variants = [StoreFixtures.variant(account: "a"), StoreFixtures.variant(account: "b")]
        let store = try StoreFixtures.store(with: variants)
        let before = try store.auditEvents()
        #expect(try store.apply(StoreFixtures.keeping(try store.allVariants()), actor: "cli", now: now) == 0)
        #expect(try store.auditEvents() == before)
        #expect(try store.allVariants() == variants)
    }

    @Test func aContentChangeSendsAnApprovedVariantBackToApproval() throws {
        let stored = StoreFixtures.variant(state: .approved)
        let store = try StoreFixtures.store(with: [stored])
        let edited = StoreFixtures.variant(state: .approved, text: "Hydra est là.")
        #expect(try store.apply(StoreFixtures.updating(stored, to: edited), actor: "cli", now: now) == 1)
        let after = try #require(try store.variant(stored.id))
        #expect(after.state == .pendingApproval)
        #expect(after.text == "Hydra est là.")
        let event = try #require(try store.auditEvents(variant: stored.id).last)
        #expect(event.action == .update)
        #expect(event.fromState == .approved && event.toState == .pendingApproval)
        #expect(event.before?.contains(#""text":"Votre peau a soif ? Découvrez Hydra.""#) == true)
        #expect(event.after?.contains(#""text":"Hydra est là.""#) == true)
        #expect(event.after?.contains(#""state":"pending_approval""#) == true)
    }

    @Test func aSlotOnlyChangeKeepsTheApproval() throws {
        let stored = StoreFixtures.variant(state: .approved)
        let store = try StoreFixtures.store(with: [stored])
        let moved = StoreFixtures.variant(state: .approved, scheduledAt: StoreFixtures.date("2026-12-02T08:30:00Z"))
        #expect(try store.apply(StoreFixtures.updating(stored, to: moved), actor: "cli", now: now) == 1)
        #expect(try store.variant(stored.id) == moved)
    }

    @Test func anUpdateOfAPublishedVariantIsIgnored() throws {
        let stored = StoreFixtures.variant(state: .approved)
        let store = try StoreFixtures.store(with: [stored])
        for state in [VariantState.scheduled, .publishing, .published] {
            try store.setState(stored.id, to: state, actor: "dispatcher", now: now)
        }
        let edited = StoreFixtures.variant(state: .approved, text: "Too late")
        #expect(try store.apply(StoreFixtures.updating(stored, to: edited), actor: "cli", now: now) == 0)
        #expect(try store.variant(stored.id)?.text == stored.text)
        #expect(try store.variant(stored.id)?.state == .published)
    }

    @Test func cancelWithdrawsAnUnpublishedVariant() throws {
        let stored = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [stored])
        #expect(try store.apply(StoreFixtures.cancelling(stored), actor: "cli", now: now) == 1)
        #expect(try store.variant(stored.id)?.state == .cancelled)
        let event = try #require(try store.auditEvents(variant: stored.id).last)
        #expect(event.action == .cancel && event.fromState == .pendingApproval && event.toState == .cancelled)
    }

    @Test(arguments: [VariantState.published, .publishing, .unknown])
    func cancelOfAPublishedOrInFlightVariantIsRefused(state: VariantState) throws {
        let stored = StoreFixtures.variant(state: state)
        let store = try StoreFixtures.store(with: [stored])
        let eventsBefore = try store.auditEvents()
        #expect(try store.apply(StoreFixtures.cancelling(stored), actor: "cli", now: now) == 0)
        #expect(try store.variant(stored.id)?.state == state)
        #expect(try store.auditEvents() == eventsBefore)
    }

    @Test func aFailingApplyWritesNothing() throws {
        let existing = StoreFixtures.variant(account: "existing")
        let store = try StoreFixtures.store(with: [existing])
        let counts = { () throws -> (Int, Int) in
            try store.writer.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM variant")!,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event")!
                )
            }
        }
        let before = try counts()
        let fresh = StoreFixtures.variant(account: "fresh")
        var plan = StoreFixtures.creating([fresh, fresh])
        plan.changes.insert(contentsOf: StoreFixtures.cancelling(existing).changes, at: 0)
        let error = #expect(throws: VariantStoreError.self) { try store.apply(plan, actor: "cli", now: now) }
        guard case .statementFailed(let action, let variantID, let message) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(action == "create" && variantID == fresh.id)
        #expect(message.hasPrefix("UNIQUE constraint failed"))
        #expect(try counts() == before)
        #expect(try store.variant(existing.id)?.state == .pendingApproval)
    }

    @Test func aVariantWithoutSlotThatIsNotLiveIsRefused() throws {
        let store = try SQLiteVariantStore.inMemory()
        let slotless = StoreFixtures.variant(scheduledAt: nil)
        let error = #expect(throws: VariantStoreError.self) {
            try store.apply(StoreFixtures.creating([slotless]), actor: "cli", now: now)
        }
        #expect(error?.description.contains("CHECK constraint failed") == true)
        #expect(error?.description.contains("nothing was written") == true)
        #expect(try store.allVariants().isEmpty)
    }

    @Test func datesRoundTripExactlyInUTC() throws {
        let slot = StoreFixtures.date("2027-03-28T01:30:00Z")  // the night Europe/Paris moves to summer time
        let variant = StoreFixtures.variant(scheduledAt: slot)
        let store = try StoreFixtures.store(with: [variant])
        #expect(try store.variant(variant.id)?.scheduledAt == slot)
        let raw = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT scheduled_at, created_at FROM variant")!
        }
        #expect(raw["scheduled_at"] as String == "2027-03-28T01:30:00.000Z")
        #expect(raw["created_at"] as String == "2026-11-20T10:00:00.000Z")
        #expect(try store.auditEvents().first?.at == StoreFixtures.now)
    }

    @Test func aFileStoreUsesWALAndSurvivesReopening() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/state/glocal.sqlite").path
        let variant = StoreFixtures.variant(state: .approved)
        do {
            let store = try SQLiteVariantStore(path: path)
            #expect(try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try store.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
            #expect(try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 16_384)
            try store.apply(StoreFixtures.creating([variant]), actor: "cli", now: now)
        }
        let reopened = try SQLiteVariantStore(path: path)
        #expect(try reopened.allVariants() == [variant])
        #expect(try reopened.auditEvents().count == 1)
        let error = #expect(throws: DatabaseError.self) {
            try reopened.writer.write { try $0.execute(sql: "DELETE FROM audit_event") }
        }
        #expect(error?.message == "audit_event is append-only")
    }
}
