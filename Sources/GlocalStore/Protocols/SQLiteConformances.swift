import GlocalCore

// SQLite (GRDB) is the implementation of every store protocol: the methods are those of the
// concrete types, declared next to their SQL.

extension SQLiteVariantStore: AuditTrail {}

extension PublishQueue: PublishJobQueue {}

extension UserStore: UserDirectory {}

extension SessionStore: SessionDirectory {}

extension MetricsStore: EngagementMetricsStore {}

extension AccountSecrets: CredentialVault {}

extension NotificationStore: NotificationOutbox {}

extension SQLiteVariantStore: WorkspaceStore {
    /// The users of this store, hashed at the production bcrypt cost.
    public var users: UserStore { UserStore(store: self) }
    /// The sessions of this store.
    public var sessions: SessionStore { SessionStore(store: self) }
    /// The notification tables of this store.
    public var notifications: NotificationStore { NotificationStore(store: self) }
}
