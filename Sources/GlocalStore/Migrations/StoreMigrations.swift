import GRDB

/// The store's schema, as named migrations applied in order: one file per version in this folder.
///
/// A migration is never edited once shipped: add a new one (the next `V…swift`) and append it to `all`. That
/// is why the lists of networks and states in `V1Variants` are literals rather than generated from
/// the Swift enums (a new case would change what `v1-variants` creates on a fresh database but not on
/// a migrated one); a test checks that they still cover every case, and a new case needs a new
/// migration that rebuilds the table.
enum StoreMigrations {
    /// Every migration, oldest first.
    static var all: [any StoreMigration.Type] {
        [
            V1Variants.self, V2DropRedundantIndex.self, V3UsersSessions.self, V4PublishQueue.self, V5AccountSecrets.self,
            V6Metrics.self, V7DispatchRescuesAndCaps.self, V8PublishingCapsIndex.self, V9AccountAudit.self,
            V10Notifications.self, V11AccountAuditNeedsReconnect.self, V12VariantNetworksPinterestGoogleBusiness.self,
            V13RefreshLocksConnectAttempts.self, V14AuditNode.self,
        ]
    }

    /// Every migration of the store, registered with GRDB.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
