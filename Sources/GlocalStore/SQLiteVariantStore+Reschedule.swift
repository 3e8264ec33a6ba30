import Foundation
import GRDB
import GlocalCore

/// Moving a variant to a slot a person chose, with its audit event, in one transaction.
extension SQLiteVariantStore {
    /// What a person asked for when moving a variant (a core value).
    public typealias MoveRequest = SlotMoveRequest

    /// How far around the new slot other posts are read for the check: the weekly cap spans a week.
    static let moveNeighbourhood: TimeInterval = 9 * 86_400

    /// Moves a variant to the slot `decide` returns, given the variant as it is now and the other
    /// posts near `target` (and every post of its campaign, for sequencing): `decide` throws
    /// (a `SlotMoveRefusal`) to refuse. In the same transaction: the permit, the state (only a
    /// movable variant whose publish job nobody claimed), the revision and the shown slot are
    /// checked; the slot and the explanation are written, a waiting publish job follows, and one
    /// `update` audit event records who, when, from, to and why. Returns the moved variant.
    @discardableResult
    public func move(
        _ request: MoveRequest, around target: Date, now: Date, permit: Permit,
        decide: (StoredVariant, [StoredVariant]) throws -> (slot: LocalInstant, explanation: [ScheduleReason])
    ) throws -> StoredVariant {
        try writer.write { db in
            guard let current = try Self.fetchVariant(db, id: request.id) else {
                throw ApprovalError.variantNotFound(request.id)
            }
            try permit(current)
            let claimed =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM publish_job WHERE variant_id = ? AND (state = 'running' OR attempt > 0)",
                    arguments: [current.id]) ?? 0
            try request.check(current, claimed: claimed > 0)
            let from = StoreTimestamp.string(from: target.addingTimeInterval(-Self.moveNeighbourhood))
            let to = StoreTimestamp.string(from: target.addingTimeInterval(Self.moveNeighbourhood))
            var others: [StoredVariant] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(VariantRow.selection) FROM variant
                    WHERE id <> ? AND ((scheduled_at >= ? AND scheduled_at <= ?) OR campaign_id = ?)
                    """, arguments: [current.id, from, to, current.campaignID])
            while let row = try rows.next() { others.append(try VariantRow.variant(from: row)) }
            let decision = try decide(current, others)
            let moved = current.moved(to: decision.slot, explanation: decision.explanation)
            let timestamp = StoreTimestamp.string(from: now)
            let slot = StoreTimestamp.string(from: decision.slot.instant)
            try AuditLog.wrapping(.update, current.id) {
                try db.execute(
                    sql: """
                        UPDATE variant SET scheduled_at = ?, local_time = ?, explanation = ?, updated_at = ?
                        WHERE id = ? AND state = ?
                        """,
                    arguments: [
                        slot, moved.localTime, VariantColumnJSON.explanation(moved.explanation), timestamp, current.id,
                        current.state.rawValue,
                    ])
                // A job waiting for the old slot waits for the new one (the dispatcher's sync would, later).
                try db.execute(
                    sql: """
                        UPDATE publish_job SET run_at = ?, slot_at = ?, updated_at = ?
                        WHERE variant_id = ? AND state IN ('scheduled', 'available') AND attempt = 0
                        """, arguments: [slot, slot, timestamp, current.id])
                let note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let reason =
                    "moved from \(current.localTime ?? "no slot") to \(moved.localTime ?? "") \(current.timeZone)"
                    + (note.isEmpty ? "" : ": \(note)")
                try AuditLog.append(
                    db, at: now, actor: request.actor, variantID: current.id, action: .update, before: current,
                    beforeState: current.state, after: moved, afterState: current.state, reason: reason)
            }
            return moved
        }
    }
}
