import Foundation
import GlocalCore

/// Everything a workspace keeps, as one store: the variants (planned, reviewed, moved), their audit,
/// the report's facts, and the publish queue, engagement readings, users, sessions, notification outbox
/// and sealed credentials that live beside them. The server, the approvals and the commands depend on
/// this; `SQLiteVariantStore` implements it, and the contract suite in GlocalStoreTests runs against it.
public protocol WorkspaceStore: VariantReviewStore, CalendarStore, ReportFactsSource, AuditTrail {
    /// The publish queue's implementation.
    associatedtype JobQueue: PublishJobQueue
    /// The engagement readings' implementation.
    associatedtype Metrics: EngagementMetricsStore
    /// The users' implementation.
    associatedtype Users: UserDirectory
    /// The sessions' implementation.
    associatedtype Sessions: SessionDirectory
    /// The outbox's implementation.
    associatedtype Outbox: NotificationOutbox
    /// The credentials' implementation.
    associatedtype Vault: CredentialVault

    /// The publish queue of this store.
    var publishQueue: JobQueue { get }
    /// The engagement readings of this store.
    var metrics: Metrics { get }
    /// The users of the approval UI (passwords hashed at the production cost).
    var users: Users { get }
    /// The signed-in sessions of the approval UI.
    var sessions: Sessions { get }
    /// The notification preferences and outbox.
    var notifications: Outbox { get }
    /// The accounts' credentials, sealed with `key`.
    func accountSecrets(key: SecretKey) -> Vault
}
