import Foundation
import GRDB
import GlocalCore
import GlocalPostgres
import PostgresNIO
import Testing

@testable import GlocalStore

/// The move's plan against both schemas: a table or column added to SQLite (or PostgreSQL) without being
/// added to `StoreCopyPlan` fails here rather than being skipped by `glocal store migrate`.
struct StoreMigrationSchemaTests {
    /// The SQLite declared type each kind of column has (STRICT tables).
    static func sqliteType(_ kind: StoreColumnKind) -> String {
        switch kind {
        case .text, .json, .instant: return "TEXT"
        case .integer, .boolean: return "INTEGER"
        case .bytes: return "BLOB"
        }
    }

    /// The PostgreSQL types each kind of column may have.
    static func postgresTypes(_ kind: StoreColumnKind) -> Set<String> {
        switch kind {
        case .text, .json: return ["text"]
        case .integer: return ["integer", "bigint"]
        case .boolean: return ["boolean"]
        case .instant: return ["timestamp with time zone"]
        case .bytes: return ["bytea"]
        }
    }

    @Test func everySQLiteTableAndColumnIsInThePlanWithItsType() throws {
        let store = try SQLiteVariantStore(
            path: try StoreFixtures.temporaryDirectory().appendingPathComponent("glocal.sqlite").path)
        try store.readForCopy { source in
            let tables = try source.tableNames()
            #expect(StoreCopyPlan.unhandledTables(in: tables) == [], "add new tables to StoreCopyPlan")
            #expect(StoreCopyPlan.missingTables(in: tables) == [])
            for table in StoreCopyPlan.tables {
                #expect(
                    try source.columnNames(of: table.sqliteName).sorted() == table.columns.map(\.name).sorted(),
                    "the columns of \(table.sqliteName)")
            }
        }
        let types = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.name AS tbl, p.name AS col, p.type AS type, p.pk AS pk FROM sqlite_master m
                    JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
                    """)
        }
        for table in StoreCopyPlan.tables {
            for column in table.columns {
                let row = try #require(types.first { $0["tbl"] == table.sqliteName && $0["col"] == column.name })
                #expect(row["type"] == Self.sqliteType(column.kind), "\(table.sqliteName).\(column.name)")
            }
            let key = types.filter { $0["tbl"] == table.sqliteName && ($0["pk"] as Int) > 0 }
                .sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["col"] as String }
            #expect(key == table.primaryKey, "the primary key of \(table.sqliteName)")
        }
    }

    @Test(.enabled(if: StoreMigrationFixture.postgresEnabled, "no PostgreSQL server"))
    func everyPostgreSQLTableHasThePlansColumnsAndNothingElseIsLeftBehind() throws {
        let store = try PostgresStore(location: try StoreMigrationFixture.freshLocation(), poolSize: 1)
        let columns = try store.pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT table_name, column_name, data_type, is_nullable, column_default IS NOT NULL OR is_identity = 'YES'
                FROM information_schema.columns WHERE table_schema = current_schema()
                """
            ).map {
                (
                    table: try $0[0].decode(String.self), column: try $0[1].decode(String.self),
                    type: try $0[2].decode(String.self), nullable: try $0[3].decode(String.self) == "YES",
                    defaulted: try $0[4].decode(Bool.self)
                )
            }
        }
        let known = Set(StoreCopyPlan.tables.map(\.postgresName) + StoreCopyPlan.postgresOnlyTables + ["glocal_migration"])
        #expect(Set(columns.map(\.table)).subtracting(known).sorted() == [], "a PostgreSQL table the move does not know")
        for table in StoreCopyPlan.tables {
            for column in table.columns {
                let found = columns.first { $0.table == table.postgresName && $0.column == column.name }
                #expect(
                    found.map { Self.postgresTypes(column.kind).contains($0.type) } == true,
                    "\(table.postgresName).\(column.name)")
            }
            let planned = Set(table.columns.map(\.name))
            for extra in columns where extra.table == table.postgresName && !planned.contains(extra.column) {
                #expect(extra.nullable || extra.defaulted, "\(table.postgresName).\(extra.column) is left empty by a move")
            }
        }
    }
}
