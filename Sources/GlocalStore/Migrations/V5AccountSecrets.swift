/// Each account's credentials, sealed with AES-GCM.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V5AccountSecrets: StoreMigration {
    static let identifier = "v5-account-secrets"

    static let sql = """
        -- Each account's credentials, sealed with AES-GCM; the key is never in the file.
        CREATE TABLE account_secret (
            account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            sealed BLOB NOT NULL CHECK (length(sealed) > 28),
            updated_at TEXT NOT NULL
        ) STRICT;
        """
}
