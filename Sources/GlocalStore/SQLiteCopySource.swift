import Foundation
import GRDB
import GlocalCore

/// A SQLite store read for a move to PostgreSQL, inside one read transaction: every table as of one
/// instant (a WAL snapshot), whatever other connections write meanwhile.
public struct SQLiteCopySource: StoreCopySource {
    private let db: Database

    fileprivate init(db: Database) { self.db = db }

    /// The names of every table of the file (SQLite's and GRDB's own included), sorted.
    public func tableNames() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }

    /// The columns of `table`, in the schema's order.
    public func columnNames(of table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table]).map { $0["name"] }
    }

    /// Calls `body` with every row of `table`, values converted by their column's kind, rows by primary key.
    public func forEachRow(of table: StoreCopyTable, _ body: ([StoreCellValue]) throws -> Void) throws {
        let columns = table.columns.map { Self.quoted($0.name) }.joined(separator: ", ")
        let order = table.primaryKey.map(Self.quoted).joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(Self.quoted(table.sqliteName)) ORDER BY \(order)")
        var values: [StoreCellValue] = []
        values.reserveCapacity(table.columns.count)
        while let row = try rows.next() {
            values.removeAll(keepingCapacity: true)
            for (index, column) in table.columns.enumerated() {
                guard let value = Self.value(row[index] as DatabaseValue, kind: column.kind) else {
                    throw StoreCopyError.unexpectedValue(
                        table: table.sqliteName, row: Self.key(of: row, in: table), column: column.name, expected: column.kind,
                        found: Self.described(row[index] as DatabaseValue, kind: column.kind))
                }
                values.append(value)
            }
            try body(values)
        }
    }

    /// SQLite's AUTOINCREMENT counter of `table`, if it keeps one.
    public func largestIssuedID(of table: StoreCopyTable) throws -> Int64? {
        guard try db.tableExists("sqlite_sequence") else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.sqliteName])
    }

    /// `value` as `kind` says; `nil` if it is something else (STRICT tables make that rare: an instant's text
    /// of another shape, a flag other than 0 or 1).
    static func value(_ value: DatabaseValue, kind: StoreColumnKind) -> StoreCellValue? {
        switch (value.storage, kind) {
        case (.null, _): return .null
        case (.string(let text), .text), (.string(let text), .json): return .text(text)
        case (.int64(let number), .integer): return .integer(number)
        case (.int64(let number), .boolean) where number == 0 || number == 1: return .boolean(number == 1)
        case (.string(let text), .instant): return StoreInstantText.fromStore(text).map(StoreCellValue.instant)
        case (.blob(let data), .bytes): return .bytes([UInt8](data))
        default: return nil
        }
    }

    private static func described(_ value: DatabaseValue, kind: StoreColumnKind) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let number): return kind == .boolean ? "the integer \(number)" : "an integer"
        case .double: return "a real number"
        // An instant's text is shown (it says nothing secret); any other text is not.
        case .string(let text): return kind == .instant ? "'\(text.prefix(40))'" : "text"
        case .blob: return "bytes"
        }
    }

    private static func key(of row: Row, in table: StoreCopyTable) -> String {
        table.primaryKey.map { name in
            let index = table.columns.firstIndex { $0.name == name } ?? 0
            return "\(name)=\((row[index] as DatabaseValue).description)"
        }.joined(separator: " ")
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension SQLiteVariantStore {
    /// Runs `body` inside one read transaction of the store: what it reads is one consistent snapshot.
    public func readForCopy<T>(_ body: (SQLiteCopySource) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteCopySource(db: db)) }
    }
}
