import Foundation

/// The keys of the queue's advisory locks, scoped to the schema the store's tables live in: PostgreSQL's advisory
/// locks are per database, so stores in two schemas of one database would otherwise wait for each other's syncs,
/// caps and token refreshes. The schema is the server's `current_schema()` (the one the tables really are in, whether
/// the URL named it or not), written with its length so no schema and subject run into another pair's text.
enum PostgresAdvisoryKey {
    /// A SQL expression: the `bigint` key of lock `name` on `subject` (a SQL text expression) in the current schema.
    static func sql(_ name: String, subject: String = "''") -> String {
        precondition(name.allSatisfy { $0.isLetter || $0 == "-" }, "a lock name is a fixed word")
        return """
            hashtextextended('glocal-\(name):' || length(coalesce(current_schema(), '')) || ':' \
            || coalesce(current_schema(), '') || ':' || \(subject), 0)
            """
    }

    /// The lock `sync` holds: one node brings a schema's jobs in line at a time.
    static let sync = sql("sync")
}
