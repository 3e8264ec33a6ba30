import GlocalCore
import Testing

/// The decisions of `glocal store migrate`: which tables, in which order, how a row is written for its
/// checksum, and what the verification compares.
struct StoreMigrationPlanTests {
    @Test func everyTableComesAfterTheTablesItReferences() {
        var copied: Set<String> = []
        for table in StoreCopyPlan.tables {
            for parent in table.references {
                #expect(copied.contains(parent), "\(table.sqliteName) references \(parent), copied later")
            }
            #expect(copied.insert(table.sqliteName).inserted, "\(table.sqliteName) is listed once")
        }
    }

    @Test func everyTableIsOrderedByColumnsItHasAndAGeneratedIDIsAnInteger() {
        for table in StoreCopyPlan.tables {
            #expect(!table.primaryKey.isEmpty, "\(table.sqliteName) has a key to order by")
            for key in table.primaryKey { #expect(table.column(key) != nil, "\(table.sqliteName).\(key)") }
            #expect(Set(table.columns.map(\.name)).count == table.columns.count, "\(table.sqliteName): columns listed once")
            if table.generatedID { #expect(table.column("id")?.kind == .integer && table.primaryKey == ["id"]) }
        }
        #expect(StoreCopyPlan.tables.first { $0.sqliteName == "user" }?.postgresName == "app_user")
    }

    @Test func tablesTheStoreHasButThePlanDoesNotAreNamed() {
        let store = StoreCopyPlan.tables.map(\.sqliteName) + ["sqlite_sequence", "grdb_migrations", "campaign_note"]
        #expect(StoreCopyPlan.unhandledTables(in: store) == ["campaign_note"])
        #expect(StoreCopyPlan.unhandledTables(in: StoreCopyPlan.tables.map(\.sqliteName)).isEmpty)
        #expect(StoreCopyPlan.missingTables(in: ["variant", "user"]).count == StoreCopyPlan.tables.count - 2)
        #expect(StoreCopyPlan.missingTables(in: store).isEmpty)
    }

    @Test func differentRowsNeverWriteTheSameCanonicalBytes() {
        func bytes(_ row: [StoreCellValue]) -> [UInt8] {
            var output: [UInt8] = []
            StoreCellValue.appendCanonical(row, to: &output)
            return output
        }
        let rows: [[StoreCellValue]] = [
            [.text("ab"), .text("c")], [.text("a"), .text("bc")], [.text(""), .null], [.null, .text("")],
            [.integer(1), .null], [.boolean(true), .null], [.text("1"), .null], [.instant("2026-12-01T08:00:00.000000Z"), .null],
            [.text("2026-12-01T08:00:00.000000Z"), .null], [.bytes([0x41]), .null], [.text("A"), .null],
            [.text("x\n"), .null], [.text("x"), .text("\n")],
        ]
        let written = rows.map(bytes)
        #expect(Set(written).count == rows.count)
        #expect(bytes([.text("é"), .integer(-3), .boolean(false)]) == Array("T2:éI-3;B0\n".utf8))
    }

    @Test func storeInstantsAndPostgreSQLInstantsMeetInOneExactForm() {
        #expect(StoreInstantText.fromStore("2026-12-01T08:00:00.125Z") == "2026-12-01T08:00:00.125000Z")
        #expect(StoreInstantText.fromStore("2026-12-01T08:00:00Z") == "2026-12-01T08:00:00.000000Z")
        #expect(StoreInstantText.fromStore("2026-12-01 08:00:00") == nil)
        #expect(StoreInstantText.fromStore("2026-02-30T08:00:00Z") == nil)
        #expect(StoreInstantText.fromPostgres("2026-12-01T08:00:00.125000Z") == "2026-12-01T08:00:00.125000Z")
        #expect(StoreInstantText.fromPostgres("2026-12-01T08:00:00.125001Z") == "2026-12-01T08:00:00.125001Z")
        #expect(StoreInstantText.fromPostgres("2026-12-01T08:00:00Z") == nil)
        #expect(StoreInstantText.fromPostgres("12026-12-01T08:00:00.00000Z") == nil)
    }

    @Test func theVerificationComparesCountsAndChecksumsTableByTable() {
        let source = [
            StoreTableTally(table: "variant", rows: 2, checksum: String(repeating: "a", count: 64)),
            StoreTableTally(table: "audit_event", rows: 3, checksum: String(repeating: "b", count: 64)),
            StoreTableTally(table: "user", rows: 1, checksum: String(repeating: "c", count: 64)),
        ]
        let same = StoreCopyVerification(source: source, copy: source)
        #expect(same.matches && same.differingTables.isEmpty && same.totalRows == 6)
        #expect(!same.table.contains("DIFFERS"))

        var copy = source
        copy[1].checksum = String(repeating: "d", count: 64)
        copy[2].rows = 0
        let differs = StoreCopyVerification(source: source, copy: copy)
        #expect(!differs.matches && differs.differingTables == ["audit_event", "user"])
        let missing = StoreCopyVerification(source: source, copy: Array(source.prefix(2)))
        #expect(missing.differingTables == ["user"])
        #expect(missing.lines.last?.copy == nil)
        let printed = same.table.split(separator: "\n").map(String.init)
        #expect(printed.count == 4)
        #expect(printed[0] == "table        SQLite rows  PostgreSQL rows  SHA-256 of the rows")
        #expect(printed[1] == "variant                2                2  aaaaaaaaaaaaaaaa     ok")
        let differing = differs.table.split(separator: "\n").map(String.init)
        #expect(differing[2].contains("bbbbbbbbbbbbbbbb ≠ dddddddddddddddd") && differing[2].hasSuffix("DIFFERS"))
        #expect(
            differing[3].hasPrefix("user") && differing[3].contains(" 1                0 ") && differing[3].hasSuffix("DIFFERS"))
    }

    @Test func refusalsSayWhatToDoAndNeverShowAValue() {
        let held = StoreCopyError.targetNotEmpty(
            target: "postgres://glocal@db:5432/glocal",
            tables: [
                StoreTableTally(table: "variant", rows: 1, checksum: ""),
                StoreTableTally(table: "app_user", rows: 2, checksum: ""),
            ])
        #expect(
            held.description
                == "postgres://glocal@db:5432/glocal already holds data (variant: 1 row, app_user: 2 rows): move into an empty "
                + "database, or a new schema (add ?schema=NAME to the URL); nothing was copied")
        let value = StoreCopyError.unexpectedValue(
            table: "variant", row: "id=a/b/c", column: "live", expected: .boolean, found: "the integer 7")
        #expect(value.description.hasPrefix("variant row id=a/b/c: column live holds the integer 7, not 0 or 1"))
        #expect(StoreCopyError.unhandledTables(["campaign_note"]).description.contains("(campaign_note)"))
    }
}
