import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// `v3-users-sessions`: new tables, and the rebuilt audit log keeps its rows, triggers and index.
struct StoreMigrationV3Tests {
    @Test func aV1StoreKeepsItsAuditEventsThroughTheRebuild() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue, upTo: "v1-variants")
        let variant = StoreFixtures.variant()
        try queue.write { db in
            var insert = BatchInserter(db: db, table: "variant", columns: VariantRow.insertColumns, batchSize: 1)
            _ = insert.add(VariantRow.insertValues(variant, timestamp: "2026-11-20T10:00:00.000Z"), label: variant.id)
            try insert.flush { _, error in error }
            try db.execute(
                sql:
                    "INSERT INTO audit_event (at, actor, variant_id, action, to_state) VALUES ('2026-11-20T10:00:00.000Z', 'before-v3', ?, 'create', 'pending_approval')",
                arguments: [variant.id])
        }
        let store = try SQLiteVariantStore(writer: queue)
        let events = try store.auditEvents()
        #expect(events.map(\.actor) == ["before-v3"])
        #expect(events.first?.id == 1)
        try queue.read { db in
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event' ORDER BY name")
            #expect(triggers == ["audit_event_no_delete", "audit_event_no_update"])
            #expect(try db.indexes(on: "audit_event").map(\.name).contains("audit_event_on_variant_id"))
            #expect(try db.tableExists("user") && db.tableExists("session") && db.tableExists("login_attempt"))
            #expect(try db.columns(in: "variant").map(\.name).contains("source_hash"))
        }
        // Still append-only after the rebuild.
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_event") } }
        // New ids continue after the copied ones.
        try store.approve(
            StoreFixtures.variant().id, revision: VariantRevision(of: StoreFixtures.variant().contentHash),
            actor: "claire@lumiere.example", now: StoreFixtures.now
        ) { _ in }
        #expect(try store.auditEvents().map(\.id) == [1, 2])
    }

    @Test func aRejectionWithoutAReasonIsRefusedBySQLite() throws {
        let store = try StoreFixtures.store(with: [StoreFixtures.variant()])
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO audit_event (at, actor, variant_id, action) VALUES ('2026-01-01T00:00:00.000Z', 'x', ?, 'reject')",
                    arguments: [StoreFixtures.variant().id])
            }
        }
    }

    @Test(arguments: ["Not@Lower.example", "", "no-at-sign"])
    func userEmailsAreCheckedBySQLite(email: String) throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO user (email, role, password_hash, created_at) VALUES (?, 'admin', '$2b$04$abc', 'x')",
                    arguments: [email])
            }
        }
    }
}
