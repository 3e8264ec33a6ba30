import Foundation

/// How a post's interactions arrive over its first day (docs/scheduling.md, "Early reading"): at each moment
/// at the rate of its audience's activity at that local hour times a feed decay of the post's age, which
/// halves every `halfLife` hours (a post reaches the followers online soon after it goes out, then fades).
public struct FeedArrival: Sendable, Equatable {
    /// Hours after which the feed shows a post half as much.
    public var halfLife: Double

    /// Creates an arrival model.
    public init(halfLife: Double) { self.halfLife = halfLife }

    /// The share of the interactions of a post's first `horizon` hours that arrive in its first `early`
    /// hours, for a post at local `hour` whose audience's activity at local hour `h` (any real number,
    /// past midnight too) is `activity(h)`. Integrated by the midpoint rule every `step` hours.
    public func earlyShare(
        hour: Double, early: Double = 1, horizon: Double = 24, step: Double = 1.0 / 12, activity: (Double) -> Double
    ) -> Double {
        var first = 0.0, total = 0.0
        var age = step / 2
        while age < horizon {
            let rate = max(0, activity(hour + age)) * pow(0.5, age / halfLife)
            total += rate
            if age < early { first += rate }
            age += step
        }
        return total > 0 ? first / total : 0
    }
}
