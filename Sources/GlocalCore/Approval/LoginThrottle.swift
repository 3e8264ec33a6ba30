import Foundation

/// Login throttling: after `maxFailures` failed attempts for one address within `window`, further
/// attempts are refused until the oldest of them leaves the window. Pure: the store supplies the
/// recent failures and the clock.
public struct LoginThrottle: Sendable, Equatable {
    /// Failures allowed within the window.
    public var maxFailures: Int
    /// The sliding window.
    public var window: TimeInterval

    /// Creates a throttle (default: 5 failures in 15 minutes).
    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// When attempts may resume, given the instants of recent failures; `nil` if an attempt is allowed now.
    public func blockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= maxFailures else { return nil }
        return recent[recent.count - maxFailures].addingTimeInterval(window)
    }
}
