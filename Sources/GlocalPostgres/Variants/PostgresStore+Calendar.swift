import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The variants as the calendar shows and moves them, as the SQLite store does. A move locks the
/// publish job and the variant (`FOR UPDATE`): a node claiming the job skips it or waits, then finds
/// it at its new time; a move finding the job claimed refuses.
extension PostgresStore: CalendarStore {
    /// How far around the new slot other posts are read for the check: the weekly cap spans a week.
    static let moveNeighbourhood: TimeInterval = 9 * 86_400

    /// The variants with a slot in `[from, to)` whose account passes `visible`, by slot and id.
    public func calendarEntries(from: Date, to: Date, visible: (String) -> Bool) throws -> [CalendarEntry] {
        let rows = try pool.transaction { transaction in
            try transaction.rows(
                """
                SELECT id, campaign_id, post_id, account_id, network, state, content_hash, scheduled_at, local_time, time_zone
                FROM variant WHERE scheduled_at >= \(from) AND scheduled_at < \(to) ORDER BY scheduled_at, id COLLATE "C"
                """)
        }
        var entries: [CalendarEntry] = []
        for row in rows {
            let entry = try PostgresFailure.decoding { () throws -> CalendarEntry? in
                let account = try row[3].decode(String.self)
                guard visible(account) else { return nil }
                let id = try row[0].decode(String.self)
                let networkText = try row[4].decode(String.self), stateText = try row[5].decode(String.self)
                guard let network = Network(rawValue: networkText) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "network", value: networkText)
                }
                guard let state = VariantState(rawValue: stateText) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "state", value: stateText)
                }
                return CalendarEntry(
                    id: id, campaignID: try row[1].decode(String.self), postID: try row[2].decode(String.self),
                    accountID: account, network: network, state: state, contentHash: try row[6].decode(String.self),
                    scheduledAt: try row[7].decode(Date.self), localTime: try row[8].decode(String?.self),
                    timeZone: try row[9].decode(String.self))
            }
            if let entry { entries.append(entry) }
        }
        return entries
    }

    /// Moves a variant to the slot `decide` returns (given the variant now and the posts near `target`,
    /// and every post of its campaign, for sequencing), in one transaction with `permit`, the state,
    /// revision and shown-slot checks, its waiting job and one `update` audit event; `decide` throws (a
    /// `SlotMoveRefusal`) to refuse. Returns the moved variant.
    @discardableResult
    public func move(
        _ request: SlotMoveRequest, around target: Date, now: Date, permit: ApprovalCheck,
        decide: (StoredVariant, [StoredVariant]) throws -> (slot: LocalInstant, explanation: [ScheduleReason])
    ) throws -> StoredVariant {
        try pool.transaction { transaction in
            // The job first, then the variant: the queue's order (a claimed job's attempt locks its job, then
            // its variant), so a move and an attempt take turns rather than deadlock. Locked whatever its state,
            // a node claiming it meanwhile skips it, or waits and finds its new time.
            let claimed = try transaction.value(
                """
                SELECT state = 'running' OR attempt > 0 FROM publish_job WHERE variant_id = \(request.id) FOR UPDATE
                """, as: Bool.self)
            let current = try Self.lockedForReview(transaction, request.id, permit: permit)
            try request.check(current, claimed: claimed == true)
            let decision = try decide(current, try Self.neighbours(transaction, of: current, around: target))
            let moved = current.moved(to: decision.slot, explanation: decision.explanation)
            try PostgresStatement.wrapping(.update, current.id) {
                try Self.write(transaction, moved, from: current, note: request.note, actor: request.actor, now: now)
            }
            return moved
        }
    }

    /// The other variants with a slot within `moveNeighbourhood` of `target`, and every other one of the
    /// campaign of `current`, by slot.
    private static func neighbours(
        _ transaction: PostgresTransaction, of current: StoredVariant, around target: Date
    ) throws -> [StoredVariant] {
        let from = target.addingTimeInterval(-moveNeighbourhood), to = target.addingTimeInterval(moveNeighbourhood)
        return try transaction.rows(
            """
            SELECT \(unescaped: PostgresVariantRow.selection) FROM variant
            WHERE id <> \(current.id)
                AND ((scheduled_at >= \(from) AND scheduled_at <= \(to)) OR campaign_id = \(current.campaignID))
            ORDER BY scheduled_at, id COLLATE "C"
            """
        ).map(PostgresVariantRow.variant(from:))
    }

    /// Writes the new slot of `moved`, has a job waiting for the old slot wait for the new one, and
    /// records who moved it from where to where and why.
    private static func write(
        _ transaction: PostgresTransaction, _ moved: StoredVariant, from current: StoredVariant, note: String?,
        actor: String, now: Date
    ) throws {
        let changed = try transaction.execute(
            """
            UPDATE variant SET scheduled_at = \(moved.scheduledAt), local_time = \(moved.localTime),
                explanation = \(VariantColumnJSON.explanation(moved.explanation)), updated_at = \(now)
            WHERE id = \(current.id) AND state = \(current.state.rawValue)
            """)
        try expectOne(changed, .update, current.id)
        // The dispatcher's sync would move it later; the move does it now, so the old slot fires nothing.
        try transaction.execute(
            """
            UPDATE publish_job SET run_at = \(moved.scheduledAt), slot_at = \(moved.scheduledAt), updated_at = \(now)
            WHERE variant_id = \(current.id) AND state IN ('scheduled', 'available') AND attempt = 0
            """)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let reason =
            "moved from \(current.localTime ?? "no slot") to \(moved.localTime ?? "") \(current.timeZone)"
            + (note.isEmpty ? "" : ": \(note)")
        try PostgresAuditLog.append(
            transaction, at: now, actor: actor, variantID: current.id, action: .update, before: current,
            beforeState: current.state, after: moved, afterState: current.state, reason: reason)
    }
}
