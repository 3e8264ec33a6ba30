/// Weighted sums of one group of scored posts against every curve of a ``PeakGrid``: enough to fit
/// `score ≈ level + amplitude · bump` by least squares at any grid point. Sums add and subtract, so a
/// pool without one account is the pool's sums minus the account's.
public struct PeakSums: Sendable, Equatable {
    /// Sum of weights.
    public var weight = 0.0
    /// Weighted sum of scores.
    public var score = 0.0
    /// Weighted sum of squared scores.
    public var squares = 0.0
    /// Per grid point: weighted sum of the bump.
    public var bump: [Double]
    /// Per grid point: weighted sum of the squared bump.
    public var bumpSquares: [Double]
    /// Per grid point: weighted sum of bump × score.
    public var bumpScore: [Double]

    /// Empty sums over `grid`.
    public init(grid: PeakGrid) {
        bump = Array(repeating: 0, count: grid.count)
        bumpSquares = bump
        bumpScore = bump
    }

    /// Adds a post in ten-minute `slot` scoring `value` with `weight`.
    public mutating func add(_ value: Double, slot: Int, weight w: Double, grid: PeakGrid) {
        weight += w
        score += w * value
        squares += w * value * value
        for point in 0..<grid.count {
            let k = grid.kernel(slot: slot, point: point)
            bump[point] += w * k
            bumpSquares[point] += w * k * k
            bumpScore[point] += w * k * value
        }
    }

    /// These sums plus (`sign` 1) or minus (`sign` −1) `other`'s.
    public func combined(with other: PeakSums, sign: Double) -> PeakSums {
        var result = self
        result.weight += sign * other.weight
        result.score += sign * other.score
        result.squares += sign * other.squares
        for point in bump.indices {
            result.bump[point] += sign * other.bump[point]
            result.bumpSquares[point] += sign * other.bumpSquares[point]
            result.bumpScore[point] += sign * other.bumpScore[point]
        }
        return result
    }

    /// The least-squares fit at grid point `point`, the amplitude shrunk toward `amplitude` with the
    /// weight of `ridge` posts and kept ≥ 0 (a bump, not a dip): level, amplitude and the residual
    /// sum of squares (penalty included).
    public func fit(point: Int, amplitude prior: Double, ridge: Double) -> (level: Double, amplitude: Double, residual: Double) {
        guard weight > 1e-9 else { return (0, prior, 0) }
        let kk = bumpSquares[point] - bump[point] * bump[point] / weight
        let ky = bumpScore[point] - bump[point] * score / weight
        let yy = squares - score * score / weight
        let amplitude = max(0, (ky + ridge * prior) / (max(0, kk) + ridge))
        let level = (score - amplitude * bump[point]) / weight
        let residual = yy - 2 * amplitude * ky + amplitude * amplitude * kk + ridge * (amplitude - prior) * (amplitude - prior)
        return (level, amplitude, max(0, residual))
    }

    /// The residual sum of squares at grid point `point` for a given level and amplitude.
    public func residual(point: Int, level: Double, amplitude: Double) -> Double {
        let value =
            squares - 2 * level * score - 2 * amplitude * bumpScore[point] + level * level * weight
            + 2 * level * amplitude * bump[point] + amplitude * amplitude * bumpSquares[point]
        return max(0, value)
    }
}
