import Foundation
import GlocalCore

/// The variants as the calendar shows and moves them.
public protocol CalendarStore: Sendable {
    /// The variants with a slot in `[from, to)` whose account passes `visible`, by slot.
    func calendarEntries(from: Date, to: Date, visible: (String) -> Bool) throws -> [CalendarEntry]
    /// Moves a variant to the slot `decide` returns (given the variant now and the posts near `target`),
    /// in one transaction with `permit`, the state, revision and shown-slot checks, its job and one audit
    /// event; `decide` throws to refuse. Returns the moved variant.
    @discardableResult
    func move(
        _ request: SlotMoveRequest, around target: Date, now: Date, permit: ApprovalCheck,
        decide: (StoredVariant, [StoredVariant]) throws -> (slot: LocalInstant, explanation: [ScheduleReason])
    ) throws -> StoredVariant
}
