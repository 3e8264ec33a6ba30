import GRDB
import GRDBSQLite

/// A value bound to an SQL parameter by `BatchInserter`.
enum SQLValue {
    case text(String)
    case integer(Int64)
    case null

    /// A text value, or NULL for `nil`.
    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
}

/// Inserts rows into one table many at a time: `INSERT INTO t (…) VALUES (…), (…), …` with the
/// values bound straight through SQLite's C API.
///
/// Applying a 200 000-variant plan row by row spent more time in per-statement and per-argument
/// overhead than in SQLite's B-trees; a batch of rows per statement removes most of it. When a batch
/// fails (a CHECK or foreign-key constraint), its rows are inserted again one by one so that the
/// error names the row at fault; SQLite has already undone the failed statement.
struct BatchInserter {
    /// A row to insert and the label its error names (the variant id).
    private typealias PendingRow = (label: String, values: [SQLValue])

    private let db: Database
    private let table: String
    private let columns: [String]
    private let batchSize: Int
    private var pending: [PendingRow] = []

    /// An inserter into `table`'s `columns`, writing `batchSize` rows per statement.
    init(db: Database, table: String, columns: [String], batchSize: Int = 32) {
        precondition(batchSize >= 1 && columns.count * batchSize <= 32_766, "too many SQL parameters")
        self.db = db
        self.table = table
        self.columns = columns
        self.batchSize = batchSize
        pending.reserveCapacity(batchSize)
    }

    /// Queues one row (values in `columns` order); returns `true` when a full batch waits for `flush`.
    mutating func add(_ values: [SQLValue], label: String) -> Bool {
        precondition(values.count == columns.count, "a row of \(table) has \(columns.count) values")
        pending.append((label, values))
        return pending.count >= batchSize
    }

    /// Writes the queued rows.
    ///
    /// - Parameter failure: turns an SQLite error on a row into the error to throw, given the row's label.
    mutating func flush(failure: (String, DatabaseError) -> any Error) throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        do {
            try execute(pending[...])
        } catch is DatabaseError {
            for row in pending {
                do { try execute([row][...]) } catch let error as DatabaseError { throw failure(row.label, error) }
            }
        }
    }

    private func execute(_ rows: ArraySlice<PendingRow>) throws {
        let statement = try db.cachedStatement(sql: Self.sql(table: table, columns: columns, rows: rows.count))
        // No GRDB arguments: the values are bound below, straight to the prepared statement.
        statement.setUncheckedArguments(StatementArguments())
        var index: Int32 = 1
        for row in rows {
            for value in row.values {
                try bind(value, at: index, of: statement.sqliteStatement)
                index += 1
            }
        }
        try statement.execute()
    }

    private func bind(_ value: SQLValue, at index: Int32, of statement: SQLiteStatement) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(statement, index)
        case .integer(let number):
            code = sqlite3_bind_int64(statement, index, number)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // A nil pointer would bind NULL: an empty text is bound from a static empty C string.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(statement, index, "", 0, nil)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                }
            }
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind parameter \(index)")
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bytes now, they do not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func sql(table: String, columns: [String], rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }
}
