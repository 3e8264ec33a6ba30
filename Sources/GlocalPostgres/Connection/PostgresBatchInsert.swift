import Foundation
import PostgresNIO

/// One value of a batch row, bound (never spliced into the SQL).
enum PostgresValue {
    case text(String?)
    case bool(Bool)
    case date(Date?)
    case int(Int)

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .date(let value): bindings.append(value)
        case .int(let value): bindings.append(value)
        }
    }
}

/// Inserts many rows of one table with multi-row `INSERT … VALUES` statements of bound values.
struct PostgresBatchInsert {
    let table: String
    let columns: [String]
    /// Rows per statement (the protocol allows 65 535 bindings per statement).
    let batchSize: Int
    private var rows: [[PostgresValue]] = []

    init(table: String, columns: [String], batchSize: Int = 1_000) {
        self.table = table
        self.columns = columns
        self.batchSize = min(batchSize, 60_000 / max(1, columns.count))
    }

    /// Queues a row; true when a batch is full (call `flush`).
    mutating func add(_ row: [PostgresValue]) -> Bool {
        rows.append(row)
        return rows.count >= batchSize
    }

    /// Writes the queued rows.
    mutating func flush(_ transaction: PostgresTransaction) throws {
        guard !rows.isEmpty else { return }
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(rows.count * columns.count * 6 + sql.utf8.count)
        var index = 0
        for (number, row) in rows.enumerated() {
            sql += number == 0 ? "(" : ",("
            for (position, value) in row.enumerated() {
                index += 1
                sql += position == 0 ? "$\(index)" : ",$\(index)"
                value.append(to: &bindings)
            }
            sql += ")"
        }
        rows.removeAll(keepingCapacity: true)
        try transaction.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }
}
