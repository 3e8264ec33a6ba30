import PostgresNIO

/// The PostgreSQL schema, as named migrations applied in order: one file per version in this folder.
/// It has the constraints of the SQLite schema (GlocalStore/Migrations) in PostgreSQL's terms:
/// instants are `timestamptz`, JSON is checked text, and the audit logs' append-only rule is a
/// trigger that raises.
///
/// A migration is never edited once shipped: add the next `V…swift` and append it to `all`. Several
/// nodes may start at once: the first takes an advisory lock and migrates, the others wait and find
/// nothing left to do.
enum PostgresMigrations {
    /// Every migration, oldest first.
    static var all: [any PostgresMigration.Type] {
        [
            V1Variants.self, V2UsersSessions.self, V3PublishQueue.self, V4AccountSecrets.self, V5Metrics.self,
            V6AccountAudit.self, V7Notifications.self, V8DispatcherNodes.self, V9JSONChecksWithoutSubtransactions.self,
            V10ConnectAttempts.self, V11VariantNetworksPinterestGoogleBusiness.self,
        ]
    }

    /// The advisory lock key migrations hold (any number, the same on every node).
    static let lockKey: Int64 = 0x676C_6F63_616C_0001

    /// Applies those of `migrations` (every one unless a test leaves some out) that `pool`'s database has not
    /// run yet, in order; returns their identifiers.
    @discardableResult
    static func migrate(_ pool: PostgresConnectionPool, migrations: [any PostgresMigration.Type] = all) throws -> [String] {
        try pool.transaction { transaction in
            try transaction.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try transaction.execute(
                """
                CREATE TABLE IF NOT EXISTS glocal_migration (
                    identifier text NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(
                try transaction.rows("SELECT identifier FROM glocal_migration").map { try $0["identifier"].decode(String.self) })
            var applied: [String] = []
            for migration in migrations where !done.contains(migration.identifier) {
                for statement in migration.statements { try transaction.execute(PostgresQuery(unsafeSQL: statement)) }
                try transaction.execute("INSERT INTO glocal_migration (identifier) VALUES (\(migration.identifier))")
                applied.append(migration.identifier)
            }
            return applied
        }
    }
}
