import Foundation
import GlocalCore

/// The hindsight bound made less omniscient one knowledge at a time (docs/scheduling.md, "Learned timing"):
/// each step replaces one thing the bound knows about the world by an estimate a learner could make from
/// the posts, so the table of steps shows which missing knowledge costs how much of the oracle's lift.
/// Every step recomputes each account's posterior from all its posts before the week decided, on a grid
/// every 0.1 h with 21 quality nodes, or a normal law of the count's log from 20 interactions up (coarser than
/// ``HindsightBound``'s own, so its row 0 is computed too).
struct BoundAblation {
    /// What the bound knows; each `false` is replaced by an estimate from the posts.
    struct Knowledge {
        /// The curve's width and floor (else: per network, the candidate with the highest marginal
        /// likelihood of the network's posts of weeks 0–3).
        var shape = true
        /// The account's size × rate (else: at each candidate peak, its maximum-likelihood level).
        var level = true
        /// The quality noise σ (else: the spread of `log(engagement)` within the network's large accounts).
        var noise = true
        /// The Monday/Friday shift (else: ignored).
        var weekday = true
        /// The drift (else: ignored, and posts weigh `0.5^(age / 8 weeks)` as in the learner).
        var drift = true
        /// The region's true peak as the prior's centre (else: the posts' peaks of the region's other
        /// accounts, or the network's study peak when they have none).
        var prior = true
        /// Choose the bucket most likely best (else: Thompson sampling, one peak drawn from the posterior).
        var decision = true

        /// The ablation's steps, each forgetting one more thing.
        static var steps: [(name: String, knowledge: Knowledge)] {
            var k = Knowledge()
            var result = [("everything but the peak", k)]
            k.shape = false
            result.append(("shape estimated per network", k))
            k.level = false
            result.append(("+ level estimated per account", k))
            k.noise = false
            result.append(("+ noise estimated", k))
            k.weekday = false
            result.append(("+ weekday shift unknown", k))
            k.drift = false
            result.append(("+ drift unknown, old posts down-weighted", k))
            k.prior = false
            result.append(("+ prior centred on the pooled region", k))
            k.decision = false
            result.append(("+ Thompson sampling instead of the most likely bucket", k))
            return result
        }
    }

    let simulation: TimingSimulation
    let accountSpread: Double
    let knowledge: Knowledge

    private static let grid: [Double] = (0...140).map { 7 + Double($0) * 0.1 }
    private static let widths = [1.5, 2.5, 4.0]
    private static let floors = [0.15, 0.3, 0.5]
    private static let halfLifeWeeks = 8.0

    private struct Shape: Hashable {
        var width: Double
        var floor: Double
    }

    /// The ablated bound from one policy's `posts`.
    func outcome(_ posts: [TimingSimulation.Post]) -> HindsightBound.Outcome {
        let byAccount = Dictionary(grouping: posts, by: \.account)
        let accounts = simulation.accounts
        let shapes = estimatedShapes(byAccount)
        var flags = Array(repeating: [Bool](), count: accounts.count)
        var gain = 0.0, oracleGain = 0.0
        var bestByPeak: [String: TimingBucket] = [:]
        for week in 0..<simulation.weeks {
            let noises = estimatedNoises(byAccount, before: week)
            var likelihoods: [[Double]] = []
            for (index, account) in accounts.enumerated() {
                let mine = (byAccount[index] ?? []).filter { $0.week < week }
                likelihoods.append(
                    logLikelihood(
                        mine, account: account, week: week, shape: shape(of: account, shapes),
                        noise: knowledge.noise ? simulation.noise : noises[account.network] ?? simulation.noise))
            }
            let centres = knowledge.prior ? [] : pooledCentres(likelihoods, byAccount: byAccount, before: week)
            for (index, account) in accounts.enumerated() {
                let audience = account.audience
                let centre = knowledge.prior ? audience.regionPeak : centres[index].hour
                let spread = knowledge.prior ? accountSpread : (accountSpread * accountSpread + centres[index].extra).squareRoot()
                let logPosterior = zip(prior(centre: centre, spread: spread), likelihoods[index]).map { $0 + $1 }
                let top = logPosterior.max() ?? 0
                let weights = logPosterior.map { exp($0 - top) }
                let shape = shape(of: account, shapes)
                var days = 0, right = 0
                for weekday in 0..<5 {
                    let day = simulation.day(account, week: week, weekday: weekday)
                    guard !day.ranges.isEmpty, let truth = simulation.bestBucket(account, day: day, week: week) else { continue }
                    let offset = self.offset(audience, weekday: day.date.isoWeekday, week: week)
                    func bucket(_ g: Int) -> TimingBucket? {
                        let dayPeak = Self.grid[g] + offset
                        let key = "\(account.network.rawValue)|\(day.date.isoWeekday)|\(Int((dayPeak * 20).rounded()))|\(shape)"
                        if bestByPeak[key] == nil {
                            var steady = account
                            steady.audience = SimulatedAudience(
                                size: 1, rate: 1, peakHour: dayPeak, regionPeak: dayPeak, weekdayShift: [:], driftPerWeek: 0,
                                width: shape.width, floor: shape.floor)
                            bestByPeak[key] = simulation.bestBucket(steady, day: day, week: 0)
                        }
                        return bestByPeak[key]
                    }
                    let choice: TimingBucket?
                    if knowledge.decision {
                        var mass: [TimingBucket: Double] = [:]
                        for g in Self.grid.indices where weights[g] > 1e-12 {
                            if let b = bucket(g) { mass[b, default: 0] += weights[g] }
                        }
                        choice = mass.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
                    } else {
                        var random = SeededRandom(text: "bound/\(index)/\(week)/\(weekday)", salt: simulation.seed)
                        var target = random.uniform() * weights.reduce(0, +)
                        var drawn = weights.count - 1
                        for (g, w) in weights.enumerated() {
                            target -= w
                            if target <= 0 {
                                drawn = g
                                break
                            }
                        }
                        choice = bucket(drawn)
                    }
                    guard let choice else { continue }
                    days += 1
                    if choice == truth { right += 1 }
                    if week >= simulation.weeks - 4 {
                        let table = HindsightBound.rangeValue(day.ranges[0], account: account, day: day, week: week)
                        gain += simulation.trueValue(choice, day: day, account: account, week: week) - table
                        oracleGain += simulation.trueValue(truth, day: day, account: account, week: week) - table
                    }
                }
                flags[index].append(days > 0 && right >= days - 1)
            }
        }
        let found = flags.map { f -> Int? in f.last == true ? (f.lastIndex(of: false) ?? -1) + 1 : nil }
        return HindsightBound.Outcome(found: found, captured: oracleGain > 0 ? gain / oracleGain : 0)
    }

    /// Hours added to the week-0 peak on ISO `weekday` of `week`, as far as the bound knows.
    private func offset(_ audience: SimulatedAudience, weekday: Int, week: Int) -> Double {
        (knowledge.weekday ? audience.weekdayShift[weekday] ?? 0 : 0)
            + (knowledge.drift ? audience.driftPerWeek * Double(week) : 0)
    }

    private func shape(of account: SimulatedAccount, _ shapes: [Network: Shape]) -> Shape {
        knowledge.shape
            ? Shape(width: account.audience.width, floor: account.audience.floor)
            : shapes[account.network] ?? Shape(width: 2.5, floor: 0.3)
    }

    /// Per network, the candidate shape under which the network's posts of weeks 0–3 are most likely.
    private func estimatedShapes(_ byAccount: [Int: [TimingSimulation.Post]]) -> [Network: Shape] {
        guard !knowledge.shape else { return [:] }
        var result: [Network: Shape] = [:]
        for network in Set(simulation.accounts.map(\.network)) {
            var best = (shape: Shape(width: 2.5, floor: 0.3), score: -Double.infinity)
            for width in Self.widths {
                for floor in Self.floors {
                    let shape = Shape(width: width, floor: floor)
                    var score = 0.0
                    for (index, account) in simulation.accounts.enumerated() where account.network == network {
                        let mine = (byAccount[index] ?? []).filter { $0.week < 4 }
                        let ll = logLikelihood(mine, account: account, week: 4, shape: shape, noise: simulation.noise)
                        let logPrior = prior(centre: account.audience.regionPeak, spread: accountSpread)
                        let terms = zip(logPrior, ll).map { $0 + $1 }
                        let top = terms.max() ?? 0
                        score += top + log(terms.reduce(0) { $0 + exp($1 - top) })
                    }
                    if score > best.score { best = (shape, score) }
                }
            }
            result[network] = best.shape
        }
        return result
    }

    /// Per network, σ of `log(engagement)` within accounts averaging ≥ 30 interactions (Poisson noise
    /// negligible); it includes the curve's own spread, so it over-estimates.
    private func estimatedNoises(_ byAccount: [Int: [TimingSimulation.Post]], before week: Int) -> [Network: Double] {
        guard !knowledge.noise else { return [:] }
        var sums: [Network: (squares: Double, count: Double)] = [:]
        for (index, account) in simulation.accounts.enumerated() {
            let values = (byAccount[index] ?? []).filter { $0.week < week && $0.engagement > 0 }.map { log($0.engagement) }
            guard values.count >= 3, exp(values.reduce(0, +) / Double(values.count)) >= 30 else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            sums[account.network, default: (0, 0)].squares += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            sums[account.network, default: (0, 0)].count += Double(values.count - 1)
        }
        return sums.compactMapValues { $0.count >= 10 ? min(1.5, max(0.1, ($0.squares / $0.count).squareRoot())) : nil }
    }

    /// Per account, the centre of its prior: the weighted circular mean of the other accounts of its network
    /// and region's peaks (each its likelihood's mean), else the network's study peak with one more hour of spread.
    private func pooledCentres(_ likelihoods: [[Double]], byAccount: [Int: [TimingSimulation.Post]], before week: Int)
        -> [(hour: Double, extra: Double)]
    {
        let accounts = simulation.accounts
        let own: [(hour: Double, weight: Double)] = likelihoods.enumerated().map { index, ll in
            let count = (byAccount[index] ?? []).filter { $0.week < week }.count
            guard count >= 3 else { return (0, 0) }
            let top = ll.max() ?? 0
            return (PeakBelief.circularMean(ll.map { exp($0 - top) }, hours: Self.grid), Double(count))
        }
        return accounts.enumerated().map { index, account in
            let others = accounts.indices.filter { other in
                other != index && own[other].weight > 0 && accounts[other].network == account.network
                    && accounts[other].zone == account.zone
            }
            guard !others.isEmpty else { return (NetworkStudy.of(account.network).peakHour, 1) }
            let hour = PeakBelief.circularMean(others.map { own[$0].weight }, hours: others.map { own[$0].hour })
            return (hour, 1 / Double(others.count))
        }
    }

    /// Log prior over the grid: normal around `centre`, the tails piled at 07:00 and 21:00.
    private func prior(centre: Double, spread: Double) -> [Double] {
        let step = 0.1
        func below(_ hour: Double) -> Double { 0.5 * erfc(-(hour - centre) / (spread * 2.squareRoot())) }
        return Self.grid.indices.map { g in
            var mass = below(Self.grid[g] + step / 2) - below(Self.grid[g] - step / 2)
            if g == 0 { mass = below(7 + step / 2) }
            if g == Self.grid.count - 1 { mass = 1 - below(21 - step / 2) }
            return log(max(mass, 1e-300))
        }
    }

    /// The log likelihood of `posts` at each grid peak (Poisson over log-normal quality, 21 nodes).
    private func logLikelihood(
        _ posts: [TimingSimulation.Post], account: SimulatedAccount, week: Int, shape: Shape, noise: Double
    )
        -> [Double]
    {
        guard !posts.isEmpty else { return Array(repeating: 0, count: Self.grid.count) }
        let zs = (0..<21).map { -4 + Double($0) * 0.4 }
        let total = zs.reduce(0) { $0 + exp(-$1 * $1 / 2) }
        let nodes = zs.map { z in (quality: exp(noise * z - noise * noise / 2), logWeight: -z * z / 2 - log(total)) }
        let audience = account.audience
        let weights = posts.map { post in
            knowledge.drift ? 1 : pow(0.5, Double(week - post.week) / Self.halfLifeWeeks)
        }
        return Self.grid.map { peak in
            let shapes = posts.map { post -> Double in
                var steady = audience
                steady.peakHour = peak + offset(audience, weekday: post.weekday, week: post.week)
                steady.weekdayShift = [:]
                steady.driftPerWeek = 0
                steady.width = shape.width
                steady.floor = shape.floor
                steady.size = 1
                steady.rate = 1
                return max(1e-12, steady.expected(weekday: post.weekday, hour: Double(post.minute) / 60, week: 0))
            }
            var level = audience.size * audience.rate
            if !knowledge.level {
                let seen = zip(posts, weights).reduce(0.0) { $0 + $1.1 * $1.0.engagement }
                let expected = zip(shapes, weights).reduce(0.0) { $0 + $1.1 * $1.0 }
                level = max(1e-6, seen / expected)
            }
            var sum = 0.0
            for (index, post) in posts.enumerated() {
                let mean = max(1e-9, level * shapes[index])
                if post.engagement >= 20 {
                    // Many interactions: the count's log is normal around the mean's (quality and Poisson spread
                    // added); nodes 0.4 σ apart would make a lumpy likelihood of a count this sharp.
                    let variance = noise * noise + 1 / post.engagement
                    let d = log(post.engagement) - log(mean) + noise * noise / 2
                    sum += weights[index] * (-d * d / (2 * variance) - 0.5 * log(variance) - log(post.engagement))
                    continue
                }
                var terms = nodes.map { node in node.logWeight + post.engagement * log(mean * node.quality) - mean * node.quality
                }
                let top = terms.max()!
                for t in terms.indices { terms[t] = exp(terms[t] - top) }
                sum += weights[index] * (top + log(terms.reduce(0, +)))
            }
            return sum
        }
    }
}
