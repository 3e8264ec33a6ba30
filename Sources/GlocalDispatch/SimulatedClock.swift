import Foundation

/// A clock that only moves when told to: the dispatcher's time in tests, demos and replays.
public final class SimulatedClock: @unchecked Sendable {
    // Every access holds `lock`.
    private let lock = NSLock()
    private var instant: Date

    /// A clock stopped at `start`.
    public init(_ start: Date) { instant = start }

    /// The current simulated instant.
    public var now: Date { lock.withLock { instant } }

    /// Moves the clock to `date` (never backwards).
    public func move(to date: Date) { lock.withLock { instant = max(instant, date) } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(max(0, seconds)) } }
}
