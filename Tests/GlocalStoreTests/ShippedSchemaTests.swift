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
    static func schema(of store: SQLiteVariantStore) throws -> String {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
                .map { row in
                    "-- \(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String)\n"
                        + "\((row["sql"] as String?) ?? "(no sql)");\n"
                }
                .joined(separator: "\n")
        }
    }

    @Test func aNewStoreInMemoryHasTheShippedSchema() throws {
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(try Self.schema(of: SQLiteVariantStore.inMemory()) == expected)
    }

    @Test func aNewStoreFileHasTheShippedSchema() throws {
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        let path = try StoreFixtures.temporaryDirectory().appendingPathComponent("schema.sqlite").path
        #expect(try Self.schema(of: SQLiteVariantStore(path: path)) == expected)
    }

    @Test func eachVersionHasItsOwnIdentifierInOrder() {
        let identifiers = StoreMigrations.all.map { $0.identifier }
        #expect(identifiers.count == Set(identifiers).count)
        #expect(identifiers.enumerated().allSatisfy { $1.hasPrefix("v\($0 + 1)-") })
    }
}
