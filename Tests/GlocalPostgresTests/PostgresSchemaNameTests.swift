import Foundation
import PostgresNIO
import Testing

@testable import GlocalPostgres

/// `?schema=NAME` takes any name, as PostgreSQL's quoted identifiers do: `search_path` is sent quoted as `CREATE SCHEMA`
/// quotes it (it was sent bare, so `Mixed_Case` was folded to `mixed_case`: `3F000: no schema has been selected to
/// create in`, with an empty `Mixed_Case` left behind).
@Suite(.postgres)
struct PostgresSchemaNameTests {
    @Test(arguments: ["Mixed_Case", "with space", "semi;colon", "a,b", "quote\"d", "Lumière"])
    func aStoreOpensInASchemaOfAnyName(name: String) throws {
        let schema = name + " " + UUID().uuidString.prefix(8).lowercased()
        let location = try PostgresTestServer.freshLocation().inSchema(schema)
        let store = try PostgresStore(location: location)
        defer { store.pool.close() }
        #expect(try store.allVariants().isEmpty)
        let (current, tables) = try store.pool.transaction { transaction in
            (
                try transaction.value("SELECT current_schema()", as: String.self),
                try transaction.value(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = \(schema) AND table_name = 'variant'",
                    as: Int.self)
            )
        }
        #expect(current == schema)
        #expect(tables == 1, "glocal's tables are in the schema the URL names")
        let folded = try store.pool.transaction { transaction in
            try transaction.value(
                "SELECT count(*) FROM pg_namespace WHERE nspname = \(schema.lowercased()) AND nspname <> \(schema)", as: Int.self)
        }
        #expect(folded == 0, "no schema of the folded name was made")
    }

    @Test func theSchemaOfAURLIsReadDecoded() throws {
        let url = try #require(PostgresTestServer.url)
        let schema = "Mixed Case " + UUID().uuidString.prefix(8).lowercased()
        let encoded = schema.replacingOccurrences(of: " ", with: "%20")
        let store = try PostgresStore(location: try PostgresLocation(url: url + "?schema=" + encoded))
        defer { store.pool.close() }
        #expect(try store.pool.transaction { try $0.value("SELECT current_schema()", as: String.self) } == schema)
    }
}
