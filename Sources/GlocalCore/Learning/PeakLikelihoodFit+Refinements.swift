import Foundation

/// The pure pieces of the peak model's refinements, each off by default (docs/scheduling.md, "Peak model"):
/// the network's weekday levels, the prior's centre shrunk toward the network, and one shared alternate peak.
extension PeakLikelihoodFit {
    /// Per ISO weekday (index weekday − 1), the network's mean residual of the posts that day against their
    /// accounts' expected score (each belief's posterior mean), shrunk toward 0 with the weight of `worth` posts.
    public static func weekdayOffsets(_ posts: [PeakCurveFit.Post], beliefs: [String: PeakBelief], worth: Double) -> [Double] {
        var sums = [Double](repeating: 0, count: 7), weights = [Double](repeating: 0, count: 7)
        for post in posts {
            guard let belief = beliefs[post.account], (1...7).contains(post.weekday) else { continue }
            let posterior = belief.days[post.weekday - 1]
            var expected = 0.0
            for peak in posterior.indices where posterior[peak] > 1e-9 {
                expected +=
                    posterior[peak]
                    * (belief.level + belief.amplitude
                        + log(
                            exp(-belief.amplitude) + (1 - exp(-belief.amplitude))
                                * belief.grid.kernel(slot: post.slot, point: belief.grid.point(peak: peak, width: belief.width))))
            }
            sums[post.weekday - 1] += post.weight * (post.score - expected)
            weights[post.weekday - 1] += post.weight
        }
        return zip(sums, weights).map { $0 / ($1 + max(0, worth)) }
    }

    /// The prior's centre: the circular mean of the region's centre (`accounts` of them) and the network's,
    /// worth `worth` accounts.
    public static func shrunkCentre(region: Double, accounts: Double, network: Double, worth: Double) -> Double {
        PeakBelief.circularMean([accounts, max(0, worth)], hours: [region, network])
    }

    /// Per weekday, the posterior of its peak when the account has a main peak and one alternate peak, and
    /// each weekday reads at the alternate with probability `change` (independently): the joint posterior
    /// of the two peaks, then each day's responsibility for either. `dayLogs[d][p]` is weekday `d`'s log
    /// likelihood at peak `p`; a day without posts keeps the prior share.
    static func alternateDays(_ dayLogs: [[Double]], logPrior: [Double], change: Double) -> [[Double]] {
        let n = logPrior.count
        let keep = log(1 - change), move = log(change)
        var joint = [Double](repeating: 0, count: n * n)
        for main in 0..<n {
            for other in 0..<n {
                var sum = logPrior[main] + logPrior[other]
                for day in dayLogs {
                    let a = keep + day[main], b = move + day[other], top = max(a, b)
                    sum += top + log(exp(a - top) + exp(b - top))
                }
                joint[main * n + other] = sum
            }
        }
        let posterior = PeakCurveFit.normalised(joint)
        return dayLogs.map { day in
            var result = [Double](repeating: 0, count: n)
            for main in 0..<n {
                for other in 0..<n where posterior[main * n + other] > 1e-12 {
                    let a = keep + day[main], b = move + day[other]
                    let top = max(a, b)
                    let moved = exp(b - top) / (exp(a - top) + exp(b - top))
                    result[main] += posterior[main * n + other] * (1 - moved)
                    result[other] += posterior[main * n + other] * moved
                }
            }
            return result
        }
    }
}
