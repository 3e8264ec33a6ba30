import Foundation
import GlocalCore

/// A baseline, not a learner: how well *any* learner could place each account's peak from the posts the
/// account has. It knows everything about the simulated world but the account's own peak hour: the curve's
/// shape (Gaussian width, floor, weekday factors), the account's size and engagement rate, its weekday shift
/// and drift, the quality noise, and the prior its peak was drawn from (its network and region's peak,
/// the per-account spread, clamped to 07–21). Each Monday it computes the exact posterior of the peak
/// (a grid every 3 minutes, Poisson counts over log-normal quality) from the posts before that week and,
/// per day, picks the bucket most likely to be the best: the per-day decision that maximises the chance
/// of "finding the peak", so no learner with the same posts does better on that figure on average.
struct HindsightBound {
    /// Per account, the first week from which the bound's bucket is the true best on four weekdays of five
    /// for good (`nil`: never), and the share of the oracle's lift over the table it would capture in the
    /// last 4 weeks by posting in its chosen bucket (expected values, no luck).
    struct Outcome {
        var found: [Int?]
        var captured: Double
    }

    let simulation: TimingSimulation
    /// Spread of an account's peak around its region's (the world's assumption).
    let accountSpread: Double

    /// Candidate peaks (week 0, before weekday shift and drift): 07:00 to 21:00 every 0.05 h.
    private static let grid: [Double] = (0...280).map { 7 + Double($0) * 0.05 }

    /// The bound from `posts` (one policy's posts of every account; only weeks before the one decided are used).
    func outcome(_ posts: [TimingSimulation.Post]) -> Outcome {
        let byAccount = Dictionary(grouping: posts, by: \.account)
        let quality = qualityNodes()
        var bestByPeak: [String: TimingBucket] = [:]
        var found: [Int?] = []
        var gain = 0.0, oracleGain = 0.0
        for (index, account) in simulation.accounts.enumerated() {
            let audience = account.audience
            var logPosterior = prior(audience)
            let mine = byAccount[index] ?? []
            var flags: [Bool] = []
            for week in 0..<simulation.weeks {
                if week > 0 {
                    for post in mine where post.week == week - 1 {
                        addLikelihood(post, account: account, quality: quality, to: &logPosterior)
                    }
                }
                let top = logPosterior.max() ?? 0
                let weights = logPosterior.map { exp($0 - top) }
                var days = 0, right = 0
                for weekday in 0..<5 {
                    let day = simulation.day(account, week: week, weekday: weekday)
                    guard !day.ranges.isEmpty, let truth = simulation.bestBucket(account, day: day, week: week) else { continue }
                    var mass: [TimingBucket: Double] = [:]
                    for (g, peak) in Self.grid.enumerated() where weights[g] > 1e-12 {
                        let dayPeak =
                            peak + (audience.weekdayShift[day.date.isoWeekday] ?? 0) + audience.driftPerWeek * Double(week)
                        let key = "\(account.network.rawValue)|\(day.date.isoWeekday)|\(Int((dayPeak * 20).rounded()))"
                        if bestByPeak[key] == nil {
                            var steady = account
                            steady.audience = SimulatedAudience(
                                size: 1, rate: 1, peakHour: dayPeak, regionPeak: dayPeak, weekdayShift: [:], driftPerWeek: 0,
                                width: audience.width, floor: audience.floor)
                            bestByPeak[key] = simulation.bestBucket(steady, day: day, week: 0)
                        }
                        if let bucket = bestByPeak[key] { mass[bucket, default: 0] += weights[g] }
                    }
                    guard let choice = mass.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
                    else { continue }
                    days += 1
                    if choice == truth { right += 1 }
                    if week >= simulation.weeks - 4 {
                        let table = Self.rangeValue(day.ranges[0], account: account, day: day, week: week)
                        gain += simulation.trueValue(choice, day: day, account: account, week: week) - table
                        oracleGain += simulation.trueValue(truth, day: day, account: account, week: week) - table
                    }
                }
                flags.append(days > 0 && right >= days - 1)
            }
            found.append(flags.last == true ? (flags.lastIndex(of: false) ?? -1) + 1 : nil)
        }
        return Outcome(found: found, captured: oracleGain > 0 ? gain / oracleGain : 0)
    }

    /// Log prior over the grid: normal around the region's peak, the tails piled at 07:00 and 21:00 (the clamp).
    private func prior(_ audience: SimulatedAudience) -> [Double] {
        let step = 0.05
        func below(_ hour: Double) -> Double { 0.5 * erfc(-(hour - audience.regionPeak) / (accountSpread * 2.squareRoot())) }
        return Self.grid.enumerated().map { g, peak in
            let z = (peak - audience.regionPeak) / accountSpread
            var mass = exp(-z * z / 2) / (accountSpread * (2 * Double.pi).squareRoot()) * step
            if g == 0 { mass = below(7 + step / 2) }
            if g == Self.grid.count - 1 { mass = 1 - below(21 - step / 2) }
            return log(max(mass, 1e-300))
        }
    }

    /// Post quality as the simulation draws it (log-normal, mean 1): nodes and weights of a discretised normal.
    private func qualityNodes() -> [(quality: Double, logWeight: Double)] {
        let sigma = simulation.noise
        guard sigma > 0 else { return [(1, 0)] }
        let zs = (0..<41).map { -4 + Double($0) * 0.2 }
        let total = zs.reduce(0) { $0 + exp(-$1 * $1 / 2) }
        return zs.map { z in (exp(sigma * z - sigma * sigma / 2), -z * z / 2 - log(total)) }
    }

    /// Adds the log likelihood of one post's count under each candidate peak (Poisson over log-normal quality).
    private func addLikelihood(
        _ post: TimingSimulation.Post, account: SimulatedAccount, quality: [(quality: Double, logWeight: Double)],
        to logPosterior: inout [Double]
    ) {
        let audience = account.audience
        let offset = (audience.weekdayShift[post.weekday] ?? 0) + audience.driftPerWeek * Double(post.week)
        for (g, peak) in Self.grid.enumerated() {
            var steady = audience
            steady.peakHour = peak + offset
            steady.weekdayShift = [:]
            steady.driftPerWeek = 0
            let mean = max(1e-9, steady.expected(weekday: post.weekday, hour: Double(post.minute) / 60, week: 0))
            var terms = quality.map { node in node.logWeight + post.engagement * log(mean * node.quality) - mean * node.quality }
            let top = terms.max()!
            for index in terms.indices { terms[index] = exp(terms[index] - top) }
            logPosterior[g] += top + log(terms.reduce(0, +))
        }
    }

    /// Expected engagement of a post in `range` of `day`, averaged over its minutes (every 10).
    static func rangeValue(_ range: SimulationDay.Range, account: SimulatedAccount, day: SimulationDay, week: Int) -> Double {
        let minutes = Array(stride(from: range.start, to: range.end, by: 10))
        let total = minutes.reduce(0.0) { sum, minute in
            sum + account.audience.expected(weekday: day.date.isoWeekday, hour: Double(minute) / 60, week: week)
        }
        return minutes.isEmpty ? 0 : total / Double(minutes.count)
    }
}
