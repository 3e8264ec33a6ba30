import Foundation
import PostgresNIO

/// Builds one statement whose size depends on the data, such as a `VALUES` list of a batch of rows, with
/// every value bound (never spliced into the SQL): the set-based writes that settle a whole batch of jobs
/// in one round trip.
struct PostgresQueryBuilder {
    private(set) var sql = ""
    private var bindings = PostgresBindings()

    /// Appends SQL text as is (never a value).
    mutating func append(_ text: String) { sql += text }

    /// Binds `value` and appends its placeholder.
    mutating func append(_ value: PostgresValue) {
        value.append(to: &bindings)
        sql += "$\(bindings.count)"
    }

    /// Binds an array (for `= ANY(…)`) and appends its placeholder.
    mutating func append<Element: PostgresArrayEncodable & PostgresNonThrowingEncodable>(array: [Element]) {
        bindings.append(array)
        sql += "$\(bindings.count)"
    }

    /// Appends `VALUES (…), (…)` with `rows`, each value cast to the type of its column in `types` (so a
    /// NULL in the first row still says its type).
    mutating func appendValues(_ rows: [[PostgresValue]], types: [String]) {
        sql += "VALUES "
        sql.reserveCapacity(sql.utf8.count + rows.count * types.count * 12)
        for (number, row) in rows.enumerated() {
            precondition(row.count == types.count, "a row of \(row.count) values for \(types.count) columns")
            sql += number == 0 ? "(" : ", ("
            for (position, value) in row.enumerated() {
                if position > 0 { sql += ", " }
                append(value)
                sql += "::" + types[position]
            }
            sql += ")"
        }
    }

    /// The statement built.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}
