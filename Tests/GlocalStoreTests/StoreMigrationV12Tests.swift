import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// `v12-variant-networks-pinterest-google-business`: the rebuilt `variant` table keeps its rows, their audit
/// events and its indexes, and admits the two new networks.
struct StoreMigrationV12Tests {
    @Test func aV11StoreKeepsItsVariantsAndTheirAuditThroughTheRebuild() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue, upTo: "v11-account-audit-needs-reconnect")
        let variant = StoreFixtures.variant()
        try queue.write { db in
            var insert = BatchInserter(db: db, table: "variant", columns: VariantRow.insertColumns, batchSize: 1)
            _ = insert.add(VariantRow.insertValues(variant, timestamp: "2026-11-20T10:00:00.000Z"), label: variant.id)
            try insert.flush { _, error in error }
            try db.execute(
                sql:
                    "INSERT INTO audit_event (at, actor, variant_id, action, to_state) VALUES ('2026-11-20T10:00:00.000Z', 'before-v12', ?, 'create', 'pending_approval')",
                arguments: [variant.id])
            // Before the rebuild, the CHECK refuses the new networks.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE variant SET network = 'pinterest' WHERE id = ?", arguments: [variant.id])
            }
        }
        let store = try SQLiteVariantStore(writer: queue)
        #expect(try store.allVariants().map(\.id) == [variant.id])
        #expect(try store.auditEvents().map(\.actor) == ["before-v12"])
        try queue.read { db in
            let indexes = try db.indexes(on: "variant").map(\.name)
            #expect(indexes.contains("variant_on_account_scheduled_at") && indexes.contains("variant_on_state_campaign"))
            #expect(try db.columns(in: "variant").map(\.name).contains("source_hash"))
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        let added = [Network.pinterest, .googleBusiness].map {
            StoreFixtures.variant(account: "account-\($0.rawValue)", network: $0)
        }
        #expect(try store.apply(StoreFixtures.creating(added), actor: "cli", now: StoreFixtures.now) == 2)
        #expect(Set(try store.allVariants().map(\.network)) == [variant.network, .pinterest, .googleBusiness])
    }
}
