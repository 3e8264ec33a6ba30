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

    /// The SQL type of the value's column.
    var sqlType: String {
        switch self {
        case .text: return "text"
        case .bool: return "bool"
        case .date: return "timestamptz"
        case .int: return "int8"
        }
    }
}

/// Inserts many rows of one table, a large batch per statement: each column travels as one array value and
/// `INSERT … SELECT * FROM unnest(…)` turns the arrays back into rows. The statement's text is the same for
/// every batch, and binding a handful of arrays costs the server far less than parsing thousands of placeholders.
struct PostgresBatchInsert {
    let table: String
    let columns: [String]
    /// Rows per statement.
    let batchSize: Int
    private var rows: [[PostgresValue]] = []

    init(table: String, columns: [String], batchSize: Int = 5_000) {
        self.table = table
        self.columns = columns
        self.batchSize = max(1, batchSize)
    }

    /// Queues a row (one value per column, each column's values of one kind); true when a batch is full (call `flush`).
    mutating func add(_ row: [PostgresValue]) -> Bool {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns of \(table)")
        rows.append(row)
        return rows.count >= batchSize
    }

    /// Writes the queued rows.
    mutating func flush(_ transaction: PostgresTransaction) throws {
        guard let statement = takeStatement() else { return }
        try transaction.execute(statement)
    }

    /// Sends the queued rows on `pipeline` without waiting for the server.
    mutating func send(_ pipeline: inout PostgresPipeline) {
        guard let statement = takeStatement() else { return }
        pipeline.send(statement)
    }

    /// The statement inserting the queued rows (nil when none is queued); the queue is emptied.
    private mutating func takeStatement() -> PostgresQuery? {
        guard let first = rows.first else { return nil }
        var bindings = PostgresBindings(capacity: columns.count)
        var arrays: [String] = []
        for (position, kind) in first.enumerated() {
            switch kind {
            case .text: bindings.append(PostgresNullableArray(elements: rows.map { Self.text($0[position]) }))
            case .date: bindings.append(PostgresNullableArray(elements: rows.map { Self.date($0[position]) }))
            case .bool: bindings.append(PostgresNullableArray(elements: rows.map { Self.bool($0[position]) }))
            case .int: bindings.append(PostgresNullableArray(elements: rows.map { Self.int($0[position]) }))
            }
            arrays.append("$\(position + 1)::\(kind.sqlType)[]")
        }
        rows.removeAll(keepingCapacity: true)
        let sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(arrays.joined(separator: ", ")))"
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    private static func text(_ value: PostgresValue) -> String? {
        guard case .text(let text) = value else { preconditionFailure("a column mixes kinds of values") }
        return text
    }

    private static func date(_ value: PostgresValue) -> Date? {
        guard case .date(let date) = value else { preconditionFailure("a column mixes kinds of values") }
        return date
    }

    private static func bool(_ value: PostgresValue) -> Bool? {
        guard case .bool(let bool) = value else { preconditionFailure("a column mixes kinds of values") }
        return bool
    }

    private static func int(_ value: PostgresValue) -> Int? {
        guard case .int(let int) = value else { preconditionFailure("a column mixes kinds of values") }
        return int
    }
}
