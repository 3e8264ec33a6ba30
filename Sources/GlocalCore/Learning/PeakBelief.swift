import Foundation

/// What the peak model believes about one account's daily curve (docs/scheduling.md, "Learned
/// timing"): a level, an amplitude and a width, and for each weekday a posterior over the hour of the
/// peak. Bucket estimates, and Thompson sampling on the peak, come from it.
public struct PeakBelief: Sendable {
    /// Score far from the peak.
    public let level: Double
    /// How much higher the score is at the peak (≥ 0).
    public let amplitude: Double
    /// Index into the grid's widths.
    public let width: Int
    /// Spread of single scores around the curve.
    public let spread: Double
    /// Decayed number of the account's own posts.
    public let weight: Double
    /// Per ISO weekday (index weekday − 1): probability of each of the grid's peaks.
    public let days: [[Double]]
    /// The prior over peaks (from the account's network and region).
    public let prior: [Double]
    /// The grid.
    public let grid: PeakGrid

    /// Creates a belief.
    public init(
        level: Double, amplitude: Double, width: Int, spread: Double, weight: Double, days: [[Double]], prior: [Double],
        grid: PeakGrid = .standard
    ) {
        self.level = level
        self.amplitude = amplitude
        self.width = width
        self.spread = spread
        self.weight = weight
        self.days = days
        self.prior = prior
        self.grid = grid
    }

    /// The expected score of a post in `block` if the peak is at grid peak `peak`.
    public func value(block: Int, peak: Int) -> Double {
        level + amplitude * grid.blockKernel(block: block, point: grid.point(peak: peak, width: width))
    }

    /// The posterior mean of the peak hour on ISO `weekday` (around the clock).
    public func peakHour(weekday: Int) -> Double { Self.circularMean(days[weekday - 1], hours: grid.peaks) }

    /// The estimate of `bucket`: the expected score over the weekday's peak posterior, its variance
    /// (from where the peak may be, plus the level's), and the same expectation under the prior.
    public func estimate(_ bucket: TimingBucket) -> BucketEstimate {
        let posterior = days[bucket.weekday - 1]
        var mean = 0.0, squares = 0.0, before = 0.0
        for peak in posterior.indices {
            let value = value(block: bucket.block, peak: peak)
            mean += posterior[peak] * value
            squares += posterior[peak] * value * value
            before += prior[peak] * value
        }
        let variance = max(0, squares - mean * mean) + spread * spread / (4 + weight)
        return BucketEstimate(mean: mean, variance: variance, weight: weight, shrunkToward: before)
    }

    /// One peak drawn from `weekday`'s posterior raised to `1 / temperature` (1: plain Thompson
    /// sampling; below 1 exploits more).
    public func samplePeak<G: RandomNumberGenerator>(weekday: Int, temperature: Double, using random: inout G) -> Int {
        let posterior = days[weekday - 1]
        let tempered = temperature == 1 ? posterior : posterior.map { pow($0, 1 / max(temperature, 0.01)) }
        let total = tempered.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = Double(random.next() >> 11) / Double(1 << 53) * total
        for (index, p) in tempered.enumerated() {
            target -= p
            if target <= 0 { return index }
        }
        return tempered.count - 1
    }

    /// The beliefs' weekday posteriors averaged with `weights` (they need not sum to 1); the level, amplitude,
    /// width, spread, weight and prior of the most weighted belief.
    public static func mixture(_ parts: [(weight: Double, belief: PeakBelief)]) -> PeakBelief {
        let top = parts.max { $0.weight < $1.weight }!.belief
        let total = parts.reduce(0) { $0 + $1.weight }
        let days = top.days.indices.map { day in
            top.days[day].indices.map { peak in
                parts.reduce(0) { $0 + $1.weight * $1.belief.days[day][peak] } / max(total, 1e-300)
            }
        }
        return PeakBelief(
            level: top.level, amplitude: top.amplitude, width: top.width, spread: top.spread, weight: top.weight, days: days,
            prior: top.prior, grid: top.grid)
    }

    /// The circular mean of `hours` weighted by `weights`.
    public static func circularMean(_ weights: [Double], hours: [Double]) -> Double {
        var x = 0.0, y = 0.0
        for (weight, hour) in zip(weights, hours) {
            x += weight * cos(hour * .pi / 12)
            y += weight * sin(hour * .pi / 12)
        }
        let angle = atan2(y, x) * 12 / .pi
        return angle < 0 ? angle + 24 : angle
    }

    /// The variance (hours²) of `hours` weighted by `weights` around their circular mean.
    static func circularVariance(_ weights: [Double], hours: [Double]) -> Double {
        let centre = circularMean(weights, hours: hours)
        var sum = 0.0, total = 0.0
        for (weight, hour) in zip(weights, hours) {
            let d = PeakGrid.circularDistance(hour, centre)
            sum += weight * d * d
            total += weight
        }
        return total > 0 ? sum / total : 0
    }
}
