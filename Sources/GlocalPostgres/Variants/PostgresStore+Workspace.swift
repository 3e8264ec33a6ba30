import GlocalStore

/// The whole workspace on PostgreSQL: every part the server, the approvals and the commands use,
/// over one connection pool, as `SQLiteVariantStore` is on SQLite.
extension PostgresStore: WorkspaceStore {
    /// The users of the approval UI, hashed at the production bcrypt cost.
    public var users: PostgresUserDirectory { PostgresUserDirectory(store: self) }

    /// The signed-in sessions of the approval UI.
    public var sessions: PostgresSessionDirectory { PostgresSessionDirectory(store: self) }

    /// The accounts' credentials, sealed with `key`.
    public func accountSecrets(key: SecretKey) -> PostgresCredentialVault { PostgresCredentialVault(store: self, key: key) }
}
