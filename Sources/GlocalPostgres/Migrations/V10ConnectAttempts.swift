/// The sign-ins under way, so a restarted node (or another node behind the same address) still finishes them: each
/// attempt sealed with the store's key under a digest of its state. (Refresh locks need no table on PostgreSQL: they
/// are advisory locks.)
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V10ConnectAttempts: PostgresMigration {
    static let identifier = "v10-connect-attempts"

    static let statements = [
        """
        CREATE TABLE connect_attempt (
            state_digest text NOT NULL PRIMARY KEY CHECK (state_digest <> ''),
            session_key text NOT NULL CHECK (session_key <> ''),
            account_id text NOT NULL CHECK (account_id <> ''),
            network text NOT NULL CHECK (network <> ''),
            issued_at timestamptz NOT NULL,
            sealed bytea NOT NULL CHECK (length(sealed) > 28)
        )
        """,
        "CREATE INDEX connect_attempt_issued_at ON connect_attempt (issued_at)",
    ]
}
