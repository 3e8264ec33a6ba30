import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// A job held because the network refused the account's token writes a `needs_reconnect` account audit
/// event (the worker, the refusal) in the transaction that sets the hold; migration V11 lets the log say so
/// and keeps every earlier event and the append-only triggers.
struct NeedsReconnectAuditTests {
    static let slot = StoreFixtures.date("2026-12-01T08:00:00Z")

    @Test func aHeldJobAuditsTheHoldOnceByTheDispatcherOnItsNodeWithTheRefusal() throws {
        let variants = (0..<2).map { index in
            StoreFixtures.variant(post: "post-\(index)", account: "account-100", state: .approved, scheduledAt: Self.slot)
        }
        let store = try StoreFixtures.store(with: variants)
        let queue = store.publishQueue
        try queue.sync(now: Self.slot.addingTimeInterval(-3_600), grace: 900)
        let jobs = try queue.claim(worker: "dispatcher-1", now: Self.slot, lease: 60, limit: 2)
        #expect(jobs.count == 2)
        for job in jobs {
            _ = try queue.begin(job, worker: "dispatcher-1", now: Self.slot)
            try queue.finish(job, worker: "dispatcher-1", resolution: .hold(reason: "HTTP 401: token revoked"), now: Self.slot)
        }
        let events = try store.accountAuditEvents(account: "account-100")
        #expect(events.map(\.action) == [.needsReconnect])
        // An automatic event, by the dispatcher on its node, as its variant events are (not the bare node id).
        #expect(events.first?.actor == "dispatcher" && events.first?.node == "dispatcher-1")
        #expect(events.first?.reason == "HTTP 401: token revoked")
        #expect(events.first?.at == Self.slot)
        #expect(try queue.holds(account: "account-100").needsReconnect == "HTTP 401: token revoked")
    }

    @Test func aNeedsReconnectEventMustSayWhy() throws {
        let store = try StoreFixtures.store()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try AccountAuditLog.append(db, at: Self.slot, actor: "dispatcher", accountID: "a", action: .needsReconnect)
            }
        }
        #expect(try store.accountAuditEvents().isEmpty)
    }

    @Test func theMigrationKeepsEarlierEventsAndTheLogStaysAppendOnly() throws {
        let database = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(database, upTo: "v10-notifications")
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_audit_event (at, actor, account_id, action, reason)
                    VALUES ('2026-12-01T08:00:00.000Z', 'admin@lumiere.example', NULL, 'pause_all', 'recall')
                    """)
        }
        try StoreMigrations.migrator.migrate(database)
        try database.write { db in
            try AccountAuditLog.append(
                db, at: Self.slot, actor: "dispatcher", accountID: "a", action: .needsReconnect, reason: "token revoked")
            let events = try AccountAuditLog.events(db, accountID: nil)
            #expect(events.map(\.action) == [.pauseAll, .needsReconnect])
            #expect(events.map(\.id) == [1, 2])
            #expect(events.first?.reason == "recall")
        }
        for sql in ["UPDATE account_audit_event SET actor = 'mallory'", "DELETE FROM account_audit_event"] {
            let error = #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: sql) } }
            #expect(error?.message == "account_audit_event is append-only")
        }
    }
}
