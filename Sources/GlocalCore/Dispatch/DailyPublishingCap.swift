import Foundation

/// A network's cap on an account's publications over a rolling window (Instagram 50 and Threads 250
/// API posts per 24 hours; docs/networks.md). Pure: the dispatcher brings what was published.
public struct DailyPublishingCap: Sendable, Equatable {
    /// Publications allowed in any window.
    public var limit: Int
    /// The rolling window, in seconds.
    public var window: TimeInterval

    /// The reason of a job put off by its cap, in the queue and the reports.
    public static let reason = "daily publishing cap reached"

    /// How long to wait before looking again when the cap is full of posts still in flight.
    public static let recheck: TimeInterval = 60

    /// Creates a cap.
    public init(limit: Int, window: TimeInterval = 86_400) {
        self.limit = limit
        self.window = window
    }

    /// The cap of `network`, if it has one.
    public static func forNetwork(_ network: Network) -> DailyPublishingCap? {
        switch network {
        case .instagram: return DailyPublishingCap(limit: 50)
        case .threads: return DailyPublishingCap(limit: 250)
        default: return nil
        }
    }

    /// When one more post may go out: `nil` if now, else the instant enough of the `recent`
    /// publications (those of the last `window`) have left it. `inFlight` posts (sent, outcome not
    /// recorded yet) count as published. A publication at `t` leaves the window at `t + window`.
    public func nextAllowed(recent: [Date], inFlight: Int, now: Date) -> Date? {
        let inWindow = recent.filter { $0 > now.addingTimeInterval(-window) && $0 <= now }.sorted()
        let used = inWindow.count + inFlight
        guard used >= limit else { return nil }
        let mustLeave = used - limit + 1
        guard mustLeave <= inWindow.count else { return now.addingTimeInterval(Self.recheck) }
        return inWindow[mustLeave - 1].addingTimeInterval(window)
    }
}
