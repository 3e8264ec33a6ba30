import Foundation

/// What the decision rule asks of a peak belief (docs/scheduling.md, "Learned timing", step 4).
extension PeakBelief {
    /// Of `blocks`, the index of the highest at grid peak `peak` (the earliest on a tie).
    public func leader(blocks: [Int], peak: Int) -> Int {
        var best = 0
        for index in blocks.indices.dropFirst()
        where value(block: blocks[index], peak: peak) > value(block: blocks[best], peak: peak) {
            best = index
        }
        return best
    }

    /// For each of `blocks`, the posterior probability on ISO `weekday` that it is the best of them.
    public func bestProbabilities(weekday: Int, blocks: [Int]) -> [Double] {
        var result = Array(repeating: 0.0, count: blocks.count)
        guard !blocks.isEmpty else { return result }
        for (peak, p) in days[weekday - 1].enumerated() where p > 0 {
            result[leader(blocks: blocks, peak: peak)] += p
        }
        return result
    }

    /// The posterior mean and standard deviation, on ISO `weekday`, of block `a`'s score less block `b`'s
    /// (the level cancels; what is uncertain is where the peak lies).
    public func difference(weekday: Int, _ a: Int, _ b: Int) -> (mean: Double, sd: Double) {
        var mean = 0.0, squares = 0.0
        for (peak, p) in days[weekday - 1].enumerated() where p > 0 {
            let d = value(block: a, peak: peak) - value(block: b, peak: peak)
            mean += p * d
            squares += p * d * d
        }
        return (mean, max(0, squares - mean * mean).squareRoot())
    }
}
