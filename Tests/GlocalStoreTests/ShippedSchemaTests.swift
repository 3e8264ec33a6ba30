import Foundation
import GRDB
import Testing

@testable import GlocalStore

/// The migrations folder (one file per version) builds exactly the schema the shipped migrations
/// built: `Fixtures/shipped-schema-v9.sql` is `sqlite_master` of a store created by the code before
/// the migrations moved there, and a shipped migration never changes.
struct ShippedSchemaTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/shipped-schema-v9.sql")

    /// Every object of the schema, its type, name and table and the SQL that created it, in a stable order.
    static func schema(of writer: any DatabaseWriter) throws -> String {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
                .map { row in
                    "-- \(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String)\n"
                        + "\((row["sql"] as String?) ?? "(no sql)");\n"
                }
                .joined(separator: "\n")
        }
    }

    /// `writer` migrated up to v9, the last version the fixture was taken at (later versions add their own objects).
    static func schemaUpToV9(of writer: any DatabaseWriter) throws -> String {
        try StoreMigrations.migrator.migrate(writer, upTo: V9AccountAudit.identifier)
        return try schema(of: writer)
    }

    @Test func migrationsUpToV9BuildTheShippedSchemaInMemory() throws {
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(try Self.schemaUpToV9(of: DatabaseQueue()) == expected)
    }

    @Test func migrationsUpToV9BuildTheShippedSchemaInAFile() throws {
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("schema.sqlite").path
        #expect(try Self.schemaUpToV9(of: DatabasePool(path: path)) == expected)
    }

    @Test func aNewStoreHasEveryShippedObjectAndTheLaterOnes() throws {
        let shipped = try Self.schemaUpToV9(of: DatabaseQueue())
        let full = try Self.schema(of: SQLiteVariantStore.inMemory().writer)
        // V11 rebuilt the account audit table and V12 the variant table to widen a CHECK, and V14 added a column to
        // the audit table; their indexes and triggers are the shipped ones.
        let rebuilt = [
            "table account_audit_event on account_audit_event", "table variant on variant", "table audit_event on audit_event",
        ]
        for object in shipped.components(separatedBy: "\n-- ") where !rebuilt.contains(where: { object.contains($0 + "\n") }) {
            #expect(full.contains(object.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        #expect(full.contains("notification_preference"))
        #expect(full.contains("'connect', 'reconnect', 'needs_reconnect')"))
        #expect(full.contains("'pinterest', 'google_business')"))
        #expect(full.contains("node_id TEXT CHECK (node_id IS NULL OR node_id <> '')"))
    }

    @Test func eachVersionHasItsOwnIdentifierInOrder() {
        let identifiers = StoreMigrations.all.map { $0.identifier }
        #expect(identifiers.count == Set(identifiers).count)
        #expect(identifiers.enumerated().allSatisfy { $1.hasPrefix("v\($0 + 1)-") })
    }
}
