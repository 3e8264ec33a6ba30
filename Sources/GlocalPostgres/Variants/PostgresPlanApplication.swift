import Foundation
import GlocalCore
import GlocalStore

/// Writes the changes of one plan inside the transaction `PostgresStore.apply` opened, as the SQLite
/// store's `PlanApplication` does: creates in batches, updates and cancels re-checked against the row
/// as it is now (a variant that went out, or started to, is left alone).
struct PostgresPlanApplication {
    let transaction: PostgresTransaction
    let actor: String
    let now: Date

    private var newVariants = PostgresBatchInsert(
        table: "variant",
        columns: [
            "id", "state", "created_at", "updated_at", "campaign_id", "post_id", "account_id", "network", "locale", "kind",
            "text", "title", "link", "link_placement", "media", "content_hash", "scheduled_at", "local_time", "time_zone",
            "live", "explanation",
        ])
    private var createEvents = PostgresBatchInsert(
        table: "audit_event", columns: ["at", "actor", "variant_id", "action", "from_state", "to_state", "after"])

    /// The batches of new variants and their events on their way to the server.
    private var pipeline: PostgresPipeline

    init(transaction: PostgresTransaction, actor: String, now: Date) {
        self.transaction = transaction
        self.actor = actor
        self.now = now
        pipeline = PostgresPipeline(transaction: transaction)
    }

    /// Writes what is still queued.
    mutating func finish() throws { try flushCreates() }

    /// Writes `change`; returns whether a variant changed.
    mutating func apply(_ change: PlanChange) throws -> Bool {
        switch change.action {
        case .create: return try create(change)
        case .update:
            try flushCreates()
            return try update(change)
        case .cancel:
            try flushCreates()
            return try cancel(change)
        case .keep, .frozen: return false
        }
    }

    private mutating func create(_ change: PlanChange) throws -> Bool {
        let desired = try desiredVariant(of: change, action: .create)
        let row: [PostgresValue] = [
            .text(desired.id), .text(desired.state.rawValue), .date(now), .date(now), .text(desired.campaignID),
            .text(desired.postID), .text(desired.accountID), .text(desired.network.rawValue), .text(desired.locale),
            .text(desired.kind.rawValue), .text(desired.text), .text(desired.title), .text(desired.link),
            .text(desired.linkPlacement.rawValue), .text(JSONText.array(desired.media)), .text(desired.contentHash),
            .date(desired.scheduledAt), .text(desired.localTime), .text(desired.timeZone), .bool(desired.live),
            .text(VariantColumnJSON.explanation(desired.explanation)),
        ]
        let event: [PostgresValue] = [
            .date(now), .text(actor), .text(desired.id), .text(AuditEvent.Action.create.rawValue), .text(nil),
            .text(desired.state.rawValue), .text(PostgresAuditSnapshot.json(desired, state: desired.state)),
        ]
        _ = createEvents.add(event)
        if newVariants.add(row) { try sendCreates() }
        return true
    }

    /// Sends the queued batch once the one before is written: the server inserts it while the next rows are encoded.
    private mutating func sendCreates() throws {
        try waitForCreates()
        newVariants.send(&pipeline)
        createEvents.send(&pipeline)
    }

    /// Writes the queued batch and waits for it (before an update or a cancel reads the table, and at the end).
    private mutating func flushCreates() throws {
        try sendCreates()
        try waitForCreates()
    }

    private mutating func waitForCreates() throws {
        do {
            try pipeline.wait()
        } catch let error as PostgresStoreError where !error.isConnectionLoss && !error.isTransient {
            throw VariantStoreError.statementFailed(
                action: AuditEvent.Action.create.rawValue, variantID: "(a batch of new variants)", message: error.message)
        }
    }

    private func update(_ change: PlanChange) throws -> Bool {
        var desired = try desiredVariant(of: change, action: .update)
        guard let current = try PostgresVariantRow.fetch(transaction, id: desired.id, forUpdate: true) else {
            throw VariantStoreError.variantNotFound(desired.id)
        }
        if current.state.isPublishedOrInFlight { return false }
        let rebased = PlanChange(
            action: .update, id: desired.id, desired: desired, stored: current,
            contentChanged: current.plannedHash != desired.contentHash, timeChanged: change.timeChanged)
        if !rebased.contentChanged, current.sourceHash != nil {
            // A slot change keeps the manager's edit.
            desired.text = current.text
            desired.linkPlacement = current.linkPlacement
            desired.contentHash = current.contentHash
            desired.sourceHash = current.sourceHash
        }
        let state = rebased.resultingState ?? current.state
        return try PostgresStatement.wrapping(.update, desired.id) {
            let changed = try transaction.execute(
                """
                UPDATE variant SET campaign_id = \(desired.campaignID), post_id = \(desired.postID),
                    account_id = \(desired.accountID), network = \(desired.network.rawValue), locale = \(desired.locale),
                    kind = \(desired.kind.rawValue), text = \(desired.text), title = \(desired.title), link = \(desired.link),
                    link_placement = \(desired.linkPlacement.rawValue), media = \(JSONText.array(desired.media)),
                    content_hash = \(desired.contentHash), scheduled_at = \(desired.scheduledAt),
                    local_time = \(desired.localTime), time_zone = \(desired.timeZone), live = \(desired.live),
                    explanation = \(VariantColumnJSON.explanation(desired.explanation)), state = \(state.rawValue),
                    updated_at = \(now), source_hash = \(desired.sourceHash)
                WHERE id = \(desired.id) AND state NOT IN \(unescaped: VariantStateSQL.untouchable)
                """)
            guard changed == 1 else { return false }
            try PostgresAuditLog.append(
                transaction, at: now, actor: actor, variantID: desired.id, action: .update, before: current,
                beforeState: current.state, after: desired, afterState: state)
            return true
        }
    }

    private func cancel(_ change: PlanChange) throws -> Bool {
        guard let current = try PostgresVariantRow.fetch(transaction, id: change.id, forUpdate: true) else {
            throw VariantStoreError.variantNotFound(change.id)
        }
        if !current.state.isCancellable { return false }
        return try PostgresStatement.wrapping(.cancel, change.id) {
            let changed = try transaction.execute(
                """
                UPDATE variant SET state = 'cancelled', updated_at = \(now)
                WHERE id = \(change.id) AND state NOT IN \(unescaped: VariantStateSQL.uncancellable)
                """)
            guard changed == 1 else { return false }
            try PostgresAuditLog.append(
                transaction, at: now, actor: actor, variantID: change.id, action: .cancel, before: current,
                beforeState: current.state, after: current, afterState: .cancelled)
            return true
        }
    }

    private func desiredVariant(of change: PlanChange, action: AuditEvent.Action) throws -> StoredVariant {
        guard let desired = change.desired, desired.id == change.id else {
            throw VariantStoreError.statementFailed(
                action: action.rawValue, variantID: change.id, message: "the plan has no matching desired variant")
        }
        return desired
    }
}
