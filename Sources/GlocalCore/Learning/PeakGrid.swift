import Foundation

/// The candidate daily curves of the peak model (docs/scheduling.md, "Learned timing"): a smooth bump
/// over the hour of the day, `exp(−d² / 2w²)` with `d` the distance (around the clock) to the peak,
/// for every candidate peak (each half hour) and width. Values are tabulated per ten-minute slot.
public struct PeakGrid: Sendable {
    /// The grid every estimate uses.
    public static let standard = PeakGrid()

    /// Candidate peak hours: 00:00, 00:30 … 23:30.
    public let peaks: [Double]
    /// Candidate widths (standard deviation of the bump), hours.
    public let widths: [Double]
    /// Kernel values, indexed `(width * peaks.count + peak) * 144 + slot`.
    private let table: [Double]
    /// Mean kernel over each two-hour block, indexed `(width * peaks.count + peak) * 12 + block`.
    private let blocks: [Double]

    /// Ten-minute slots in a day.
    public static let slots = 144

    /// A grid of half-hour peaks and widths of 1.5, 2.5 and 4 hours.
    public init(step: Double = 0.5, widths: [Double] = [1.5, 2.5, 4]) {
        peaks = stride(from: 0.0, to: 24, by: step).map { $0 }
        self.widths = widths
        var table: [Double] = []
        var blocks: [Double] = []
        for width in widths {
            for peak in peaks {
                let row = (0..<Self.slots).map { slot in Self.bump(hour: (Double(slot) + 0.5) / 6, peak: peak, width: width) }
                table += row
                blocks += (0..<12).map { block in row[(block * 12)..<(block * 12 + 12)].reduce(0, +) / 12 }
            }
        }
        self.table = table
        self.blocks = blocks
    }

    /// The number of (peak, width) points.
    public var count: Int { peaks.count * widths.count }

    /// The bump at `hour` for a curve peaking at `peak` with `width`.
    public static func bump(hour: Double, peak: Double, width: Double) -> Double {
        let distance = circularDistance(hour, peak)
        return exp(-distance * distance / (2 * width * width))
    }

    /// The distance between two hours of the day, around the clock (0…12).
    public static func circularDistance(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 24)
        return min(d, 24 - d)
    }

    /// A wrapped normal prior over the peaks around `hour` with `spread`, `uniformShare` of it spread evenly
    /// (the pool's belief of where an account's peak lies).
    public func prior(around hour: Double, spread: Double, uniformShare: Double) -> [Double] {
        let bumps = peaks.map { Self.bump(hour: $0, peak: hour, width: spread) }
        let total = bumps.reduce(0, +)
        let even = uniformShare / Double(peaks.count)
        return bumps.map { (1 - uniformShare) * $0 / total + even }
    }

    /// How far accounts' peaks lie from their pools' centres, in hours: the root of the mean squared distance
    /// (`distances` over `counted` accounts) less the accounts' own uncertainty (`variances`), within `range`;
    /// `fallback` with fewer than 4 accounts to judge by.
    public static func peakSpread(
        distances: Double, variances: Double, counted: Double, fallback: Double, range: ClosedRange<Double>
    ) -> Double {
        guard counted >= 4 else { return fallback }
        return min(range.upperBound, max(range.lowerBound, max(0, (distances - variances) / counted).squareRoot()))
    }

    /// The ten-minute slot of minute-of-day `minute`.
    public static func slot(minute: Int) -> Int { min(slots - 1, max(0, minute / 10)) }

    /// The kernel at `slot` for grid point `point` (`width * peaks.count + peak`).
    public func kernel(slot: Int, point: Int) -> Double { table[point * Self.slots + slot] }

    /// The mean kernel over two-hour `block` for grid point `point`.
    public func blockKernel(block: Int, point: Int) -> Double { blocks[point * 12 + block] }

    /// The grid point of `peak` and `width` indices.
    public func point(peak: Int, width: Int) -> Int { width * peaks.count + peak }
}
