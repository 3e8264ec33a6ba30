import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

/// The notifier's view of a PostgreSQL store, for as long as `PostgresStore` is not a `WorkspaceStore`
/// itself: variants, audit, queue, users and the notification outbox are PostgreSQL's; the review,
/// calendar and report parts, which the notifier never touches, refuse (a round that used them fails).
struct PostgresNotifierWorkspace: WorkspaceStore {
    let store: PostgresStore

    /// What the notifier was not expected to call.
    struct NotUsedByTheNotifier: Error, CustomStringConvertible {
        let operation: String
        var description: String { "the notifier called \(operation), which this test store does not offer" }
    }

    var publishQueue: PostgresJobQueue { store.publishQueue }
    var metrics: PostgresMetricsStore { store.metrics }
    var users: PostgresUserDirectory { PostgresUserDirectory(store: store, bcryptCost: 4) }
    var sessions: PostgresSessionDirectory { PostgresSessionDirectory(store: store) }
    var notifications: PostgresNotificationOutbox { store.notifications }
    func accountSecrets(key: SecretKey) -> PostgresCredentialVault { PostgresCredentialVault(store: store, key: key) }

    func allVariants() throws -> [StoredVariant] { try store.allVariants() }
    func variant(_ id: String) throws -> StoredVariant? { try store.variant(id) }
    func variants(in state: VariantState, visible: (String) -> Bool) throws -> [StoredVariant] {
        try store.variants(in: state, visible: visible)
    }
    func variants(campaign: String, visible: (String) -> Bool) throws -> [StoredVariant] {
        try store.variants(campaign: campaign, visible: visible)
    }
    func variants(account: String) throws -> [StoredVariant] { try store.variants(account: account) }
    func apply(_ plan: Plan, actor: String, now: Date) throws -> Int { try store.apply(plan, actor: actor, now: now) }
    func snapshot() throws -> StoreSnapshot { try store.snapshot() }
    func apply(_ plan: Plan, basedOn generation: StoreGeneration?, actor: String, now: Date) throws -> Int {
        try store.apply(plan, basedOn: generation, actor: actor, now: now)
    }
    func setState(_ id: String, to state: VariantState, actor: String, now: Date) throws {
        try store.setState(id, to: state, actor: actor, now: now)
    }

    func auditEvents(variant: String?) throws -> [AuditEvent] { try store.auditEvents(variant: variant) }
    func accountAuditEvents(account: String?) throws -> [AccountAuditEvent] { try store.accountAuditEvents(account: account) }
    func recentAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AuditEvent] {
        try store.recentAuditEvents(limit: limit, visible: visible)
    }
    func recentAccountAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AccountAuditEvent] {
        try store.recentAccountAuditEvents(limit: limit, visible: visible)
    }

    func approve(_ id: String, revision: VariantRevision, actor: String, now: Date, permit: ApprovalCheck) throws {
        throw NotUsedByTheNotifier(operation: "approve")
    }
    func reject(_ id: String, reason: String, actor: String, now: Date, permit: ApprovalCheck) throws {
        throw NotUsedByTheNotifier(operation: "reject")
    }
    func edit(
        _ id: String, text: String, linkPlacement: LinkPlacement, basedOn revision: VariantRevision?, actor: String,
        now: Date, permit: ApprovalCheck
    ) throws -> StoredVariant {
        throw NotUsedByTheNotifier(operation: "edit")
    }
    func approveAll(
        _ picks: [(id: String, revision: VariantRevision?)], actor: String, now: Date, permit: ApprovalCheck
    ) throws -> BulkApprovalOutcome {
        throw NotUsedByTheNotifier(operation: "approveAll")
    }
    func rejectAll(_ ids: [String], reason: String, actor: String, now: Date, permit: ApprovalCheck) throws
        -> BulkApprovalOutcome
    {
        throw NotUsedByTheNotifier(operation: "rejectAll")
    }
    func changes(of id: String, since revision: VariantRevision) throws -> RevisionChanges? {
        throw NotUsedByTheNotifier(operation: "changes")
    }
    func campaignProgress(visible: (String) -> Bool) throws -> [String: [VariantState: Int]] {
        throw NotUsedByTheNotifier(operation: "campaignProgress")
    }
    func calendarEntries(from: Date, to: Date, visible: (String) -> Bool) throws -> [CalendarEntry] {
        throw NotUsedByTheNotifier(operation: "calendarEntries")
    }
    func move(
        _ request: SlotMoveRequest, around target: Date, now: Date, permit: ApprovalCheck,
        decide: (StoredVariant, [StoredVariant]) throws -> (slot: LocalInstant, explanation: [ScheduleReason])
    ) throws -> StoredVariant {
        throw NotUsedByTheNotifier(operation: "move")
    }
    func reportFacts() throws -> [ReportFacts] { throw NotUsedByTheNotifier(operation: "reportFacts") }
}
