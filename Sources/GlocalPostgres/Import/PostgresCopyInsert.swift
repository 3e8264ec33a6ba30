import Foundation
import GlocalCore
import PostgresNIO

/// Inserts the rows of one table of a store move with multi-row `INSERT … VALUES` of bound values, ids
/// kept (`OVERRIDING SYSTEM VALUE` on a generated id). Instants travel as their text and are cast by the
/// server (`$n::timestamptz`), so no value goes through a floating-point `Date` on the way.
struct PostgresCopyInsert {
    let table: StoreCopyTable
    /// Rows per statement (the protocol allows 65 535 bindings per statement).
    let batchSize: Int
    private var rows: [[StoreCellValue]] = []
    private let head: String

    init(table: StoreCopyTable, batchSize: Int = 1_000) {
        self.table = table
        self.batchSize = max(1, min(batchSize, 60_000 / max(1, table.columns.count)))
        let columns = table.columns.map { PostgresLocation.quoted($0.name) }.joined(separator: ", ")
        head =
            "INSERT INTO \(PostgresLocation.quoted(table.postgresName)) (\(columns))"
            + (table.generatedID ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES "
    }

    /// Queues a row, writing the batch when it is full.
    mutating func add(_ row: [StoreCellValue], _ transaction: PostgresTransaction) throws {
        rows.append(row)
        if rows.count >= batchSize { try flush(transaction) }
    }

    /// Writes the queued rows.
    mutating func flush(_ transaction: PostgresTransaction) throws {
        guard !rows.isEmpty else { return }
        var bindings = PostgresBindings(capacity: rows.count * table.columns.count)
        var sql = head
        var index = 0
        for (number, row) in rows.enumerated() {
            sql += number == 0 ? "(" : ",("
            for (position, value) in row.enumerated() {
                index += 1
                let kind = table.columns[position].kind
                sql += (position == 0 ? "$\(index)" : ",$\(index)") + Self.cast(kind)
                try Self.bind(value, kind: kind, to: &bindings)
            }
            sql += ")"
        }
        rows.removeAll(keepingCapacity: true)
        try transaction.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }

    private static func cast(_ kind: StoreColumnKind) -> String {
        switch kind {
        case .instant: return "::timestamptz"
        case .integer: return "::bigint"
        case .boolean: return "::boolean"
        case .bytes: return "::bytea"
        case .text, .json: return "::text"
        }
    }

    /// Binds `value`; a NULL is bound with the column's type, so the server needs no guess.
    private static func bind(_ value: StoreCellValue, kind: StoreColumnKind, to bindings: inout PostgresBindings) throws {
        switch value {
        case .text(let text), .instant(let text): bindings.append(text)
        case .integer(let number): bindings.append(Int(number))
        case .boolean(let flag): bindings.append(flag)
        case .bytes(let bytes): try bindings.append(Data(bytes))
        case .null:
            switch kind {
            case .text, .json, .instant: bindings.append(String?.none)
            case .integer: bindings.append(Int?.none)
            case .boolean: bindings.append(Bool?.none)
            case .bytes: try bindings.append(Data?.none)
            }
        }
    }
}
