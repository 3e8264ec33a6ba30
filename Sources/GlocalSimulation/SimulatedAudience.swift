import Foundation
import GlocalCore

/// The audience of one simulated account: when it reads (a peak hour that may differ on some weekdays
/// and drift over the weeks), how sharply engagement falls away from the peak, and how many follow.
struct SimulatedAudience {
    /// Followers.
    var size: Double
    /// Interactions per follower per post at the peak hour on a midweek day.
    var rate: Double
    /// Local peak hour in week 0.
    var peakHour: Double
    /// The peak its network and region's accounts are drawn around (what a pool could know).
    var regionPeak: Double
    /// Hours added to the peak on some ISO weekdays.
    var weekdayShift: [Int: Double]
    /// Hours the peak moves per week.
    var driftPerWeek: Double
    /// Standard deviation of the daily curve, in hours.
    var width: Double
    /// Share of the peak's engagement left far from it.
    var floor: Double

    /// The peak hour on ISO `weekday` of `week`.
    func peak(weekday: Int, week: Int) -> Double {
        peakHour + (weekdayShift[weekday] ?? 0) + driftPerWeek * Double(week)
    }

    /// How active the audience is at local `hour` (any real number; past midnight wraps) on ISO `weekday`
    /// of `week`, relative to its peak: its daily curve.
    func activity(weekday: Int, hour: Double, week: Int) -> Double {
        var distance = abs(hour - peak(weekday: weekday, week: week)).truncatingRemainder(dividingBy: 24)
        distance = min(distance, 24 - distance)
        return floor + (1 - floor) * exp(-distance * distance / (2 * width * width))
    }

    /// Expected interactions at 24 h of a post at local `hour` on ISO `weekday` of `week`.
    func expected(weekday: Int, hour: Double, week: Int) -> Double {
        size * rate * (NetworkStudy.weekdayFactor[weekday] ?? 1) * activity(weekday: weekday, hour: hour, week: week)
    }

    /// The expected share of a post's first-day interactions that arrive in its first hour: the daily curve
    /// times the network's feed decay (``FeedArrival``), from local `hour` on.
    func earlyShare(weekday: Int, hour: Double, week: Int, arrival: FeedArrival) -> Double {
        arrival.earlyShare(hour: hour) { activity(weekday: weekday, hour: $0, week: week) }
    }
}
