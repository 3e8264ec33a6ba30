import GlocalCore

// SQLite (GRDB) is the implementation of every store protocol: the methods are those of the
// concrete types, declared next to their SQL.

extension SQLiteVariantStore: AuditTrail {}

extension PublishQueue: PublishJobQueue {}

extension UserStore: UserDirectory {}

extension SessionStore: SessionDirectory {}

extension MetricsStore: EngagementMetricsStore {}

extension AccountSecrets: CredentialVault {}
