import Foundation

/// Who moved a post by hand and when, as the `moved` line of its explanation says it
/// (`moved by claire.martin@lumiere.example on 2026-11-21 09:00 UTC from … to …`): what `glocal explain`
/// names when the spread rules did not bind the slot.
public struct SlotMoveStamp: Sendable, Hashable {
    /// The person's e-mail address (or the actor's name).
    public let actor: String
    /// When, `YYYY-MM-DD HH:MM` in UTC; `nil` for a move recorded before the time was written down.
    public let at: String?

    /// A stamp for a move by `actor` at `instant`.
    public init(actor: String, at instant: Date) {
        self.actor = actor
        at = Self.utc(instant)
    }

    /// The stamp of the last `moved` line of `explanation`, or `nil` when no person moved the post.
    public init?(explanation: [ScheduleReason]) {
        guard let detail = explanation.last(where: { $0.rule == SlotMoveCheck.pinRule })?.detail,
            detail.hasPrefix("moved by ")
        else { return nil }
        let words = detail.dropFirst("moved by ".count).split(separator: " ", omittingEmptySubsequences: false)
        guard let actor = words.first, !actor.isEmpty else { return nil }
        self.actor = String(actor)
        // `on YYYY-MM-DD HH:MM UTC` follows the actor in lines written since the time was recorded.
        if words.count >= 5, words[1] == "on", words[4] == "UTC" {
            at = "\(words[2]) \(words[3])"
        } else {
            at = nil
        }
    }

    /// `moved by WHO on WHEN UTC` (without the time for an older move).
    public var description: String { "moved by \(actor)" + (at.map { " on \($0) UTC" } ?? "") }

    /// `instant` as `YYYY-MM-DD HH:MM` in UTC.
    static func utc(_ instant: Date) -> String {
        let local = LocalInstant(instant: instant, zone: TimeZone(identifier: "UTC")!)
        return "\(local.date) \(local.time)"
    }
}
