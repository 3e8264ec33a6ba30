import Foundation

/// What one walk through a window's usable minutes found.
struct SlotWalk {
    /// The first minute that breaks no rule, if any.
    var slot: LocalInstant?
    /// How many candidates past the staggered one it is.
    var step = 0
    /// The first problem met, as `HH:MM phrase`.
    var firstProblem: String?
    /// Whether the walk went past the window's end and on from its start: the slot is then before the staggered minute.
    var wrapped = false
}
