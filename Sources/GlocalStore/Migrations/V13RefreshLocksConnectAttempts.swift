/// The refresh lock of each account being refreshed (one process at a time per account, across every process on the
/// file; a lease lets another take over from a process that died) and the sign-ins under way, so a restarted server
/// still finishes them: each attempt sealed with the store's key under a digest of its state.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V13RefreshLocksConnectAttempts: StoreMigration {
    static let identifier = "v13-refresh-locks-connect-attempts"

    static let sql = """
        CREATE TABLE account_refresh_lock (
            account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            holder TEXT NOT NULL CHECK (holder <> ''),
            -- Milliseconds since 1970 on the holder's wall clock.
            expires_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE connect_attempt (
            state_digest TEXT NOT NULL PRIMARY KEY CHECK (state_digest <> ''),
            session_key TEXT NOT NULL CHECK (session_key <> ''),
            account_id TEXT NOT NULL CHECK (account_id <> ''),
            network TEXT NOT NULL CHECK (network <> ''),
            issued_at TEXT NOT NULL CHECK (issued_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            sealed BLOB NOT NULL CHECK (length(sealed) > 28)
        ) STRICT;
        CREATE INDEX connect_attempt_issued_at ON connect_attempt (issued_at);
        """
}
