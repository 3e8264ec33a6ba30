import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Reads one table of a store move back from PostgreSQL, in the transaction that wrote it, and tallies
/// its rows exactly as the SQLite side was tallied: the same columns, the same canonical values, rows by
/// primary key (text keys in byte order, `COLLATE "C"`, as SQLite's BINARY collation). A cursor keeps
/// memory flat on large tables.
enum PostgresCopyReader {
    /// Rows per `FETCH`.
    static let fetchSize = 2_000

    /// The count and checksum of `table` as the transaction sees it.
    static func tally(_ table: StoreCopyTable, _ transaction: PostgresTransaction) throws -> StoreTableTally {
        let selection = table.columns.map { column -> String in
            let name = PostgresLocation.quoted(column.name)
            switch column.kind {
            case .instant: return "to_char(\(name) AT TIME ZONE 'UTC', '\(StoreInstantText.postgresFormat)')"
            case .integer: return "\(name)::bigint"
            default: return name
            }
        }.joined(separator: ", ")
        let order = table.primaryKey.map { name in
            PostgresLocation.quoted(name) + (table.column(name)?.kind == .integer ? "" : " COLLATE \"C\"")
        }.joined(separator: ", ")
        try transaction.execute(
            PostgresQuery(
                unsafeSQL: "DECLARE glocal_copy_check NO SCROLL CURSOR FOR SELECT \(selection) "
                    + "FROM \(PostgresLocation.quoted(table.postgresName)) ORDER BY \(order)"))
        var checksum = StoreTableChecksum(table: table.sqliteName)
        var values: [StoreCellValue] = []
        while true {
            let rows = try transaction.rows(
                PostgresQuery(unsafeSQL: "FETCH FORWARD \(fetchSize) FROM glocal_copy_check"))
            for row in rows {
                values.removeAll(keepingCapacity: true)
                for (index, column) in table.columns.enumerated() {
                    values.append(try value(row[index], column: column, table: table))
                }
                checksum.add(values)
            }
            if rows.count < fetchSize { break }
        }
        try transaction.execute("CLOSE glocal_copy_check")
        return checksum.tally()
    }

    private static func value(_ cell: PostgresCell, column: StoreCopyColumn, table: StoreCopyTable) throws -> StoreCellValue {
        try PostgresFailure.decoding {
            switch column.kind {
            case .text, .json: return try cell.decode(String?.self).map(StoreCellValue.text) ?? .null
            case .integer: return try cell.decode(Int64?.self).map(StoreCellValue.integer) ?? .null
            case .boolean: return try cell.decode(Bool?.self).map(StoreCellValue.boolean) ?? .null
            case .bytes: return try cell.decode(Data?.self).map { .bytes([UInt8]($0)) } ?? .null
            case .instant:
                guard let text = try cell.decode(String?.self) else { return .null }
                guard let canonical = StoreInstantText.fromPostgres(text) else {
                    throw StoreCopyError.unexpectedValue(
                        table: table.postgresName, row: "(read back)", column: column.name, expected: .instant, found: "'\(text)'"
                    )
                }
                return .instant(canonical)
            }
        }
    }
}
