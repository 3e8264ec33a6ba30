import Foundation

/// ``EarlyReadingEvidence``'s regression: per post with a share, its score and the log of its share, both less
/// its account's mean, and per network what the share predicts and how much that is worth.
struct EarlyShareFeatures {
    /// One post's centred values.
    struct Point {
        var network: Network
        /// Its account and two-hour block: posts in one cell share their hour's true value.
        var cell: String
        var share: Double
        var score: Double
    }

    /// How much a network's prediction (`slope × share`, the least-squares fit, never negative) is worth.
    struct Calibration {
        var slope: Double
        /// The variance of a score around its hour's true value (the post's luck), from posts of one cell.
        var luck: Double
        /// The variance of the hours' true values (the scores' variance less the luck).
        var truth: Double
        /// The share of `truth` the prediction explains (its R²).
        var explained: Double

        /// The centred score combined with what the share predicts, each weighed by its precision: the prediction
        /// scaled up by `1 / explained` is an unbiased reading of the hour's value with variance
        /// `truth · (1 / explained − 1)`, the score one with variance `luck`; `trust` scales the prediction's precision.
        func combined(_ point: Point, trust: Double) -> Double {
            guard explained > 0, truth > 0, luck > 0, trust > 0 else { return point.score }
            let reading = slope * point.share / explained
            let precision = trust / (truth * (1 / explained - 1))
            return (point.score / luck + reading * precision) / (1 / luck + precision)
        }
    }

    /// By the index of the observation; `nil` where it has no share.
    let points: [Point?]

    init(items: [EngagementObservation], shares: [Double?]) {
        var accounts: [String: [Int]] = [:]
        for index in items.indices where shares[index] != nil {
            accounts[AccountTimingEstimate.key(items[index].accountID, items[index].network), default: []].append(index)
        }
        var points = [Point?](repeating: nil, count: items.count)
        for (key, indices) in accounts {
            let count = Double(indices.count)
            let meanShare = indices.reduce(0) { $0 + shares[$1]! } / count
            let meanScore = indices.reduce(0) { $0 + items[$1].score } / count
            guard meanShare > 0 else { continue }
            for index in indices {
                // The log of the share over the account's mean (floored: a first hour with nothing stays finite).
                let share = log(max(shares[index]!, 0.05 * meanShare) / meanShare)
                points[index] = Point(
                    network: items[index].network, cell: key + "|\(items[index].bucket.block)", share: share,
                    score: items[index].score - meanScore)
            }
        }
        self.points = points
    }

    /// The network's fit and how much it is worth (``Calibration``).
    func calibration(network: Network) -> Calibration {
        var cells: [String: (sum: Double, squares: Double, count: Double)] = [:]
        var shares = 0.0, cross = 0.0, scores = 0.0, count = 0.0
        for case let point? in points where point.network == network {
            cells[point.cell, default: (0, 0, 0)].sum += point.score
            cells[point.cell, default: (0, 0, 0)].squares += point.score * point.score
            cells[point.cell, default: (0, 0, 0)].count += 1
            shares += point.share * point.share
            cross += point.share * point.score
            scores += point.score * point.score
            count += 1
        }
        let slope = shares > 0 ? max(0, cross / shares) : 0
        var within = 0.0, freedom = 0.0
        for cell in cells.sorted(by: { $0.key < $1.key }).map(\.value) where cell.count > 1 {
            within += cell.squares - cell.sum * cell.sum / cell.count
            freedom += cell.count - 1
        }
        guard count > 1, freedom > 0 else { return Calibration(slope: slope, luck: 0, truth: 0, explained: 0) }
        let luck = within / freedom
        let truth = max(0, scores / count - luck)
        let explained = truth > 0 ? min(0.95, slope * slope * shares / count / truth) : 0
        return Calibration(slope: slope, luck: luck, truth: truth, explained: explained)
    }
}
