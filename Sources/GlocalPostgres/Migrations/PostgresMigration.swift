/// One version of the PostgreSQL schema: the statements that take a database from the version before
/// to this one, recorded in `glocal_migration` under `identifier` (never changed once shipped).
protocol PostgresMigration {
    /// The name recorded once the migration has run.
    static var identifier: String { get }
    /// The statements it runs, in order, in one transaction (one statement each: the extended protocol
    /// takes no lists).
    static var statements: [String] { get }
}
