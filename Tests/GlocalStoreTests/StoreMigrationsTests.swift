import Foundation
import GRDB
import GlocalCore
import Testing

@testable import GlocalStore

/// The schema `v1-variants` creates, and the constraints SQLite enforces whatever code writes.
struct StoreMigrationsTests {
    /// Inserts one variant row with raw SQL, `overrides` replacing the valid defaults.
    private func insertRaw(_ store: SQLiteVariantStore, _ overrides: [String: (any DatabaseValueConvertible)?] = [:]) throws {
        var values: [String: (any DatabaseValueConvertible)?] = [
            "id": "c/p/a", "campaign_id": "c", "post_id": "p", "account_id": "a", "network": "x", "locale": "en",
            "kind": "informative", "text": "Hello", "title": nil, "link": nil, "link_placement": "inline", "media": "[]",
            "content_hash": "h", "scheduled_at": "2026-12-01T08:00:00.000Z", "local_time": "2026-12-01 09:00",
            "time_zone": "Europe/Paris", "live": 0, "state": "draft", "explanation": "[]",
            "created_at": "2026-11-20T10:00:00.000Z", "updated_at": "2026-11-20T10:00:00.000Z",
        ]
        values.merge(overrides) { _, new in new }
        let columns = values.keys.sorted()
        try store.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO variant (\(columns.joined(separator: ", "))) VALUES (\(columns.map { ":\($0)" }.joined(separator: ", ")))",
                arguments: StatementArguments(values))
        }
    }

    @Test func migrationsCreateTheSchema() throws {
        let store = try SQLiteVariantStore.inMemory()
        try store.writer.read { db in
            #expect(try db.tableExists("variant"))
            #expect(try db.tableExists("audit_event"))
            #expect(
                try StoreMigrations.migrator.appliedMigrations(db)
                    == [
                        "v1-variants", "v2-drop-redundant-index", "v3-users-sessions", "v4-publish-queue",
                        "v5-account-secrets", "v6-metrics", "v7-dispatch-rescues-and-caps",
                        "v8-publishing-caps-index", "v9-account-audit", "v10-notifications",
                        "v11-account-audit-needs-reconnect", "v12-variant-networks-pinterest-google-business",
                        "v13-refresh-locks-connect-attempts", "v14-audit-node",
                    ])
            let variantColumns = try db.columns(in: "variant").map(\.name)
            #expect(variantColumns.contains("scheduled_at") && variantColumns.contains("explanation"))
            let indexes = try db.indexes(on: "variant").map(\.name)
            #expect(indexes.contains("variant_on_account_scheduled_at"))
            #expect(!indexes.contains("variant_on_campaign_post_account"))
            let triggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            #expect(
                triggers == [
                    "account_audit_event_no_delete", "account_audit_event_no_update", "audit_event_no_delete",
                    "audit_event_no_update",
                ])
            let strict = try Int.fetchAll(
                db, sql: "SELECT strict FROM pragma_table_list WHERE name IN ('variant', 'audit_event', 'account_audit_event')")
            #expect(strict == [1, 1, 1])
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
        }
    }

    @Test func aValidRawRowIsAccepted() throws {
        let store = try SQLiteVariantStore.inMemory()
        try insertRaw(store)
        #expect(try store.allVariants().map(\.id) == ["c/p/a"])
    }

    @Test(arguments: [
        ("state", "sent"), ("network", "mastadon"), ("kind", "advert"), ("link_placement", "bio"), ("live", "yes"),
        ("media", "not json"), ("explanation", "{}"), ("scheduled_at", "01/12/2026 08:00"),
    ])
    func checkConstraintsRejectInvalidValues(column: String, value: String) throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: DatabaseError.self) { try insertRaw(store, [column: value]) }
        #expect(try store.allVariants().isEmpty)
    }

    @Test(arguments: ["text", "network", "state", "time_zone", "content_hash"])
    func notNullColumnsRejectNull(column: String) throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: DatabaseError.self) { try insertRaw(store, [column: nil]) }
    }

    @Test func aSlotIsRequiredUnlessLiveOrCancelled() throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: DatabaseError.self) { try insertRaw(store, ["scheduled_at": nil]) }
        try insertRaw(store, ["id": "c/p/live", "account_id": "live", "scheduled_at": nil, "live": 1])
        try insertRaw(store, ["id": "c/p/gone", "account_id": "gone", "scheduled_at": nil, "state": "cancelled"])
        #expect(try store.allVariants().count == 2)
    }

    /// The migration's literal lists must cover the Swift enums; a new case needs a new migration.
    @Test(arguments: Network.allCases)
    func everyNetworkIsAccepted(network: Network) throws {
        try insertRaw(SQLiteVariantStore.inMemory(), ["network": network.rawValue])
    }

    @Test(arguments: VariantState.allCases)
    func everyStateIsAccepted(state: VariantState) throws {
        try insertRaw(SQLiteVariantStore.inMemory(), ["state": state.rawValue])
    }

    @Test func everyKindAndLinkPlacementIsAccepted() throws {
        let store = try SQLiteVariantStore.inMemory()
        for (index, (kind, placement)) in zip(PostKind.allCases.cycled(to: 4), LinkPlacement.allCases).enumerated() {
            try insertRaw(
                store,
                ["id": "c/p/\(index)", "account_id": "\(index)", "kind": kind.rawValue, "link_placement": placement.rawValue])
        }
        #expect(try store.allVariants().count == LinkPlacement.allCases.count)
    }

    @Test func theAuditLogIsAppendOnly() throws {
        let store = try StoreFixtures.store(with: [StoreFixtures.variant()])
        #expect(try store.auditEvents().count == 1)
        for sql in ["UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event"] {
            let error = #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: sql) } }
            #expect(error?.message == "audit_event is append-only")
        }
        #expect(try store.auditEvents().map(\.actor) == ["test"])
    }

    @Test func anAuditEventMustNameAStoredVariant() throws {
        let store = try SQLiteVariantStore.inMemory()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO audit_event (at, actor, variant_id, action) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'nope', 'create')"
                )
            }
        }
    }
}

extension Array {
    /// The elements repeated until there are `count` of them.
    fileprivate func cycled(to count: Int) -> [Element] { (0..<count).map { self[$0 % self.count] } }
}
