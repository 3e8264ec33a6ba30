import Foundation

/// What the peak model keeps of the posts: per account and weekday, sums per ten-minute slot, and the
/// residuals of those sums against a candidate curve (so a fit never walks the posts twice).
extension PeakLikelihoodFit {
    /// Per ten-minute slot: weight, weighted score and weighted squared score of one group of posts.
    struct SlotSums {
        var weight = [Double](repeating: 0, count: PeakGrid.slots)
        var score = [Double](repeating: 0, count: PeakGrid.slots)
        var squares = 0.0
        var total = 0.0

        mutating func add(_ value: Double, slot: Int, weight w: Double) {
            weight[slot] += w
            score[slot] += w * value
            squares += w * value * value
            total += w
        }
    }

    /// One account's posts, all days and per weekday.
    struct Account {
        var region: String
        var all = SlotSums()
        var days = [SlotSums](repeating: SlotSums(), count: 7)
    }

    /// One candidate shape's log curve per peak and slot.
    struct Shape {
        var width: Int
        var floor: Double
        var curve: [[Double]]
    }

    /// The posts' sums per account, each post read `drift · age` hours later.
    static func accounts(_ posts: [PeakCurveFit.Post], drift: Double) -> [String: Account] {
        var accounts: [String: Account] = [:]
        for post in posts {
            var account = accounts[post.account] ?? Account(region: post.region)
            let slot = ((post.slot + Int((drift * post.age * 6).rounded())) % PeakGrid.slots + PeakGrid.slots) % PeakGrid.slots
            account.all.add(post.score, slot: slot, weight: post.weight)
            account.days[post.weekday - 1].add(post.score, slot: slot, weight: post.weight)
            accounts[post.account] = account
        }
        return accounts
    }

    /// Per peak: the account's level (weighted mean of score − curve) and the residual sum of squares around it.
    static func residuals(_ sums: SlotSums, shape: Shape) -> [(level: Double, rss: Double)] {
        shape.curve.map { curve in
            var curveSum = 0.0, curveSquares = 0.0, cross = 0.0
            for slot in 0..<PeakGrid.slots where sums.weight[slot] > 0 {
                curveSum += sums.weight[slot] * curve[slot]
                curveSquares += sums.weight[slot] * curve[slot] * curve[slot]
                cross += sums.score[slot] * curve[slot]
            }
            guard sums.total > 1e-12 else { return (0, 0) }
            let level = (sums.score.reduce(0, +) - curveSum) / sums.total
            // Σ w (z − curve − level)²
            let rss =
                sums.squares - 2 * cross + curveSquares - 2 * level * (sums.score.reduce(0, +) - curveSum)
                + level * level * sums.total
            return (level, max(0, rss))
        }
    }

    /// One weekday's residual sum of squares at each peak, with the account's level at that peak.
    static func dayResiduals(_ sums: SlotSums, shape: Shape, levels: [Double]) -> [Double] {
        guard sums.total > 1e-12 else { return Array(repeating: 0, count: shape.curve.count) }
        let scoreSum = sums.score.reduce(0, +)
        return shape.curve.indices.map { peak in
            let curve = shape.curve[peak], level = levels[peak]
            var rss = sums.squares + level * level * sums.total - 2 * level * scoreSum
            for slot in 0..<PeakGrid.slots where sums.weight[slot] > 0 {
                let fitted = curve[slot] + level
                rss += -2 * sums.score[slot] * curve[slot] + sums.weight[slot] * (fitted * fitted - level * level)
            }
            return max(0, rss)
        }
    }
}
