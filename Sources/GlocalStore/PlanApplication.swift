import Foundation
import GRDB
import GlocalCore

/// Writes the changes of one plan inside the transaction `SQLiteVariantStore.apply` opened.
///
/// Creates are written in batches (the bulk of a first apply); call `finish()` after the last change.
struct PlanApplication {
    /// The open write transaction.
    let db: Database
    /// Who applies the plan.
    let actor: String
    /// When.
    let now: Date

    /// `now` as stored, formatted once for the whole plan.
    let timestamp: String

    /// New variants waiting to be written, and their create events (written after them: the events
    /// refer to the variants).
    private var newVariants: BatchInserter
    private var createEvents: BatchInserter

    init(db: Database, actor: String, now: Date) {
        self.db = db
        self.actor = actor
        self.now = now
        timestamp = StoreTimestamp.string(from: now)
        newVariants = BatchInserter(db: db, table: "variant", columns: VariantRow.insertColumns)
        createEvents = BatchInserter(db: db, table: "audit_event", columns: AuditLog.columns)
    }

    /// Writes what is still queued.
    mutating func finish() throws {
        try flushCreates()
    }

    /// The rows a create writes, built ahead of time off the writer's thread (`PreparedCreates`).
    struct PreparedCreate: Sendable {
        let id: String
        let variant: [SQLValue]
        let event: [SQLValue]
    }

    /// The rows of `change` if it is a well-formed create; pure, so it can run on any thread.
    static func prepare(_ change: PlanChange, actor: String, timestamp: String) -> PreparedCreate? {
        guard change.action == .create, let desired = change.desired, desired.id == change.id else { return nil }
        return PreparedCreate(
            id: desired.id, variant: VariantRow.insertValues(desired, timestamp: timestamp),
            event: AuditLog.row(
                timestamp: timestamp, actor: actor, variantID: desired.id, action: .create, before: nil, beforeState: nil,
                after: desired, afterState: desired.state))
    }

    /// Writes `change` (a create may wait in a batch until `finish()`), from its `prepared` rows when
    /// given; returns whether a variant changed.
    mutating func apply(_ change: PlanChange, prepared: PreparedCreate? = nil) throws -> Bool {
        switch change.action {
        case .create:
            guard let prepared, prepared.id == change.id else { return try create(change) }
            return try queue(prepared)
        // Updates and cancels read the rows: write the queued creates first, in plan order.
        case .update: try flushCreates(); return try update(change)
        case .cancel: try flushCreates(); return try cancel(change)
        case .keep, .frozen: return false
        }
    }

    private mutating func create(_ change: PlanChange) throws -> Bool {
        _ = try desiredVariant(of: change, action: .create)
        guard let prepared = Self.prepare(change, actor: actor, timestamp: timestamp) else { return false }
        return try queue(prepared)
    }

    private mutating func queue(_ prepared: PreparedCreate) throws -> Bool {
        _ = createEvents.add(prepared.event, label: prepared.id)
        if newVariants.add(prepared.variant, label: prepared.id) { try flushCreates() }
        return true
    }

    private mutating func flushCreates() throws {
        let failure = { (variantID: String, error: DatabaseError) -> any Error in
            VariantStoreError.statementFailed(
                action: AuditEvent.Action.create.rawValue, variantID: variantID,
                message: error.message ?? "SQLite error \(error.extendedResultCode.rawValue)")
        }
        try newVariants.flush(failure: failure)
        try createEvents.flush(failure: failure)
    }

    private func update(_ change: PlanChange) throws -> Bool {
        var desired = try desiredVariant(of: change, action: .update)
        guard let current = try SQLiteVariantStore.fetchVariant(db, id: desired.id) else {
            throw VariantStoreError.variantNotFound(desired.id)
        }
        if current.state.isPublishedOrInFlight { return false }
        // Re-base the change on the row as it is now: an approval given since the plan was made is
        // kept for a slot-only change and withdrawn for a content change.
        let rebased = PlanChange(
            action: .update, id: desired.id, desired: desired, stored: current,
            contentChanged: current.plannedHash != desired.contentHash,
            timeChanged: change.timeChanged)
        if !rebased.contentChanged, current.sourceHash != nil {
            // A slot change keeps the manager's edit.
            desired.text = current.text
            desired.linkPlacement = current.linkPlacement
            desired.contentHash = current.contentHash
            desired.sourceHash = current.sourceHash
        }
        let state = rebased.resultingState ?? current.state
        return try AuditLog.wrapping(.update, desired.id) {
            var arguments = try VariantRow.arguments(desired)
            arguments["state"] = state.rawValue
            arguments["updated_at"] = timestamp
            arguments.updateValue(desired.sourceHash, forKey: "source_hash")  // nil must stay a key: it writes NULL
            let assignments = (VariantRow.contentColumns + ["state", "updated_at", "source_hash"]).map { "\($0) = :\($0)" }
            try db.execute(
                sql: """
                    UPDATE variant SET \(assignments.joined(separator: ", "))
                    WHERE id = :id AND state NOT IN \(VariantStateSQL.untouchable)
                    """,
                arguments: StatementArguments(arguments))
            guard db.changesCount == 1 else { return false }
            try AuditLog.append(
                db, timestamp: timestamp, actor: actor, variantID: desired.id, action: .update, before: current,
                beforeState: current.state, after: desired, afterState: state)
            return true
        }
    }

    private func cancel(_ change: PlanChange) throws -> Bool {
        guard let current = try SQLiteVariantStore.fetchVariant(db, id: change.id) else {
            throw VariantStoreError.variantNotFound(change.id)
        }
        if !current.state.isCancellable { return false }
        return try AuditLog.wrapping(.cancel, change.id) {
            try db.execute(
                sql: """
                    UPDATE variant SET state = 'cancelled', updated_at = ?
                    WHERE id = ? AND state NOT IN \(VariantStateSQL.uncancellable)
                    """,
                arguments: [timestamp, change.id])
            guard db.changesCount == 1 else { return false }
            try AuditLog.append(
                db, timestamp: timestamp, actor: actor, variantID: change.id, action: .cancel, before: current,
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
