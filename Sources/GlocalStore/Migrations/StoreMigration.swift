/// One version of the store's schema: the SQL that takes a database from the version before to this
/// one, registered with GRDB's `DatabaseMigrator` under `identifier` (the name kept in
/// `grdb_migrations`, so it never changes once shipped).
protocol StoreMigration {
    /// The name GRDB records once the migration has run.
    static var identifier: String { get }
    /// The statements it runs, in one transaction.
    static var sql: String { get }
}
