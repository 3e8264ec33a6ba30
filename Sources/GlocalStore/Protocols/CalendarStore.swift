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

extension SlotMoveRequest {
    /// Refuses moving `current` (the variant as read in the move's transaction) unless it is movable,
    /// still at the revision and the slot the page showed, and its publish job is not `claimed` (running
    /// or tried). Both stores' moves call this, so they refuse alike.
    public func check(_ current: StoredVariant, claimed: Bool) throws {
        guard SlotMoveCheck.movableStates.contains(current.state) else {
            throw ApprovalError.wrongState(variantID: current.id, state: current.state)
        }
        try current.check(shows: revision)
        if let shownSlot, let slot = current.scheduledAt, abs(shownSlot.timeIntervalSince(slot)) >= 1 {
            throw SlotMoveRefusal(
                rule: "stale-slot",
                message: "Someone moved this post since the page was shown (it is now at \(current.localTime ?? "?")); "
                    + "nothing was written. Look again and move it from there.")
        }
        if claimed {
            throw SlotMoveRefusal(
                rule: "state", message: "The dispatcher has already taken this post to send it: it cannot move.")
        }
    }
}

extension StoredVariant {
    /// This variant at `slot`, with `explanation` as why it is there.
    public func moved(to slot: LocalInstant, explanation: [ScheduleReason]) -> StoredVariant {
        var moved = self
        moved.scheduledAt = slot.instant
        moved.localTime = "\(slot.date) \(slot.time)"
        moved.explanation = explanation
        return moved
    }
}
