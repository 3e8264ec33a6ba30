/// Each account's credentials, sealed with AES-GCM; the key is never in the database.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V4AccountSecrets: PostgresMigration {
    static let identifier = "v4-account-secrets"

    static let statements = [
        """
        CREATE TABLE account_secret (
            account_id text NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            sealed bytea NOT NULL CHECK (length(sealed) > 28),
            updated_at timestamptz NOT NULL
        )
        """
    ]
}
