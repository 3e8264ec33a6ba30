/// Why a person may not move a post to the slot they asked for: the scheduler's rule it breaks, in
/// plain words, and the other post it collides with when there is one.
public struct SlotMoveRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule, named as `glocal explain` names it: `quiet-hours`, `window`, `min-gap`, `daily-cap`,
    /// `weekly-cap`, `fleet-limit`, `network-spacing`, `sequence`, `holiday`, `campaign-window`, `past`,
    /// `dst`, `live`, `state`, `stale-slot`.
    public var rule: String
    /// What is wrong, in a sentence a local manager understands.
    public var message: String
    /// The id of the other variant the new slot collides with, if one does.
    public var collidesWith: String?

    /// Creates a refusal.
    public init(rule: String, message: String, collidesWith: String? = nil) {
        self.rule = rule
        self.message = message
        self.collidesWith = collidesWith
    }

    /// `message (rule)`.
    public var description: String { "\(message) (rule \(rule))" }
}
