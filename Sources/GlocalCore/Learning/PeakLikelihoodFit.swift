import Foundation

/// Fits each account's peak on one network with one daily curve shared by the network (docs/scheduling.md,
/// "Learned timing"): an account's centred log engagement ≈ its level + `log(floor + (1 − floor) · bump)`
/// around its peak, with Gaussian noise. The curve's width and floor are chosen for the whole network by
/// the likelihood of every account's posts (empirical Bayes; an account's own few posts cannot tell a
/// shape), so each account only has its peak (and its level) to learn. The prior over an account's peak
/// centres on the other accounts of its network and region (else of its network), as wide as the accounts
/// are seen to differ; each weekday keeps the account's peak or, with prior probability `weekdayChange`,
/// has its own. The result is a ``PeakBelief``, so choosing and explaining work as for ``PeakCurveFit``.
public struct PeakLikelihoodFit: Sendable {
    /// Candidate floors: the share of the peak's engagement left far from it.
    public var floors: [Double]
    /// Prior probability that one weekday's peak differs from the account's.
    public var weekdayChange: Double
    /// Share of the prior spread evenly over the day (a peak far from the pool stays possible).
    public var uniformShare: Double
    /// How far (hours) an account's peak is assumed from its pool's until the data say.
    public var defaultPeakSpread: Double
    /// The range the learned spread of peaks is kept in, hours.
    public var peakSpreadRange: ClosedRange<Double>
    /// How many posts the network's noise is worth against an account's own residuals (0: the network's
    /// noise for every account). Small accounts count few interactions, so `log(engagement + 1)` scatters
    /// more for them than for large ones; one noise per network makes large accounts' posteriors too wide.
    public var accountNoiseWeight: Double
    /// Whether the weekdays that differ share one alternate peak (an audience that reads at other hours
    /// on some days), rather than each having its own; the days that keep the main peak then no longer
    /// pull it toward the others'.
    public var sharedAlternate: Bool
    /// Candidate drifts of an account's peak, hours per week, and their prior probabilities (`[0: 1]`: no
    /// drift). Under drift `d`, a post `a` weeks old was made when the peak was `d·a` hours earlier, so it
    /// is read as if made `d·a` hours later; each account keeps the drift its posts make most likely.
    public var drifts: [Double: Double]
    /// Whether an account's belief averages its candidate drifts by their posterior probability (true)
    /// rather than keeping the most likely one: when the posts cannot yet tell which way the peak moves, the
    /// belief keeps both and its expected score falls where either reading would.
    public var driftAveraging: Bool
    /// How many posts a weekday's level offset of zero is worth against the network's residuals that day
    /// (`nil`: no offsets). Audiences engage less on some weekdays at every hour (the studies' Friday); a day's
    /// lower scores, read against the account's one level, look like a peak further away.
    public var weekdayLevelWeight: Double?
    /// How each weekday's probability of its own peak is learned from the network's accounts (`nil`:
    /// `weekdayChange` for every weekday); see ``WeekdayChangePrior``.
    public var weekdayLearning: WeekdayChangePrior?
    /// How many accounts the network's centre is worth against a region's own accounts in the prior's centre
    /// (`nil`: the region's alone when it has any). A region of few accounts (a time zone with two or three)
    /// centres on their mean, which scatters as much as they do; shrunk toward the network it scatters less.
    public var regionShrink: Double?
    /// The grid (peaks every half hour; its widths are the candidate widths).
    public let grid: PeakGrid

    /// Creates the fit with docs/scheduling.md's settings.
    public init(
        floors: [Double] = [0.15, 0.3, 0.5, 0.7], weekdayChange: Double = 0.1, uniformShare: Double = 0.05,
        defaultPeakSpread: Double = 3, peakSpreadRange: ClosedRange<Double> = 1...5, accountNoiseWeight: Double = 0,
        sharedAlternate: Bool = false, drifts: [Double: Double] = [0: 1], weekdayLearning: WeekdayChangePrior? = nil,
        regionShrink: Double? = nil, driftAveraging: Bool = false, weekdayLevelWeight: Double? = nil,
        grid: PeakGrid = .standard
    ) {
        self.weekdayLevelWeight = weekdayLevelWeight
        self.regionShrink = regionShrink
        self.driftAveraging = driftAveraging
        self.weekdayLearning = weekdayLearning
        self.drifts = drifts
        self.accountNoiseWeight = accountNoiseWeight
        self.sharedAlternate = sharedAlternate
        self.floors = floors
        self.weekdayChange = weekdayChange
        self.uniformShare = uniformShare
        self.defaultPeakSpread = defaultPeakSpread
        self.peakSpreadRange = peakSpreadRange
        self.grid = grid
    }

    /// A documented prior for `drifts`: half of audiences keep their hours; the others move by ⅛, ¼ or ½ hour
    /// a week, earlier or later, equally likely.
    public static let driftPrior: [Double: Double] = [
        0: 0.5, 0.125: 0.5 / 6, -0.125: 0.5 / 6, 0.25: 0.5 / 6, -0.25: 0.5 / 6, 0.5: 0.5 / 6, -0.5: 0.5 / 6,
    ]

    /// Beliefs for every account of `posts` (one network); `fallbackSpread` is the noise used with fewer than 10 posts.
    public func fit(_ posts: [PeakCurveFit.Post], fallbackSpread: Double) -> [String: PeakBelief] {
        if let weight = weekdayLevelWeight {
            // The network's weekday levels from a first fit, then the fit on scores without them.
            var plain = self
            plain.weekdayLevelWeight = nil
            let offsets = Self.weekdayOffsets(posts, beliefs: plain.fit(posts, fallbackSpread: fallbackSpread), worth: weight)
            return plain.fit(
                posts.map { post in
                    var post = post
                    post.score -= offsets[post.weekday - 1]
                    return post
                }, fallbackSpread: fallbackSpread)
        }
        let accounts = Self.accounts(posts, drift: 0)
        let shapes = grid.widths.indices.flatMap { width in
            floors.map { floor in
                Shape(
                    width: width, floor: floor,
                    curve: grid.peaks.indices.map { peak in
                        (0..<PeakGrid.slots).map { slot in
                            log(floor + (1 - floor) * grid.kernel(slot: slot, point: grid.point(peak: peak, width: width)))
                        }
                    })
            }
        }
        // Residual sums of squares per shape, account and peak (each account's level fitted at each peak).
        let names = accounts.keys.sorted()
        let residuals = shapes.map { shape in names.map { Self.residuals(accounts[$0]!.all, shape: shape) } }
        let totalWeight = names.reduce(0.0) { $0 + accounts[$1]!.all.total }
        // The shape that explains the network's posts best, each account at its own best peak, and the noise around it.
        var best = (shape: 0, noise: fallbackSpread, score: -Double.infinity)
        for index in shapes.indices {
            let rss = residuals[index].reduce(0.0) { $0 + ($1.map(\.rss).min() ?? 0) }
            let dof = max(1, totalWeight - 2 * Double(names.count))
            let noise = posts.count >= 10 ? max(0.05, (rss / dof).squareRoot()) : fallbackSpread
            let score =
                residuals[index].reduce(0.0) { sum, account in
                    sum + PeakCurveFit.logSumExp(account.map { -$0.rss / (2 * noise * noise) })
                } - totalWeight * log(noise)
            if score > best.score { best = (index, noise, score) }
        }
        let shape = shapes[best.shape]
        let variance2 = 2 * best.noise * best.noise
        // Each account's peak on its own data, then the pools' centres (the account left out) and spread.
        var own: [String: (hour: Double, variance: Double, weight: Double)] = [:]
        for (index, name) in names.enumerated() {
            let posterior = PeakCurveFit.normalised(residuals[best.shape][index].map { -$0.rss / variance2 })
            own[name] = (
                PeakBelief.circularMean(posterior, hours: grid.peaks), PeakBelief.circularVariance(posterior, hours: grid.peaks),
                accounts[name]!.all.total
            )
        }
        func centre(of name: String, sameRegion: Bool) -> (hour: Double, count: Int)? {
            let region = accounts[name]!.region
            let others = names.filter { other in
                other != name && own[other]!.weight >= 3 && (!sameRegion || accounts[other]!.region == region)
            }
            guard !others.isEmpty else { return nil }
            return (PeakBelief.circularMean(others.map { own[$0]!.weight }, hours: others.map { own[$0]!.hour }), others.count)
        }
        var centres: [String: (hour: Double, extra: Double)] = [:]
        var distances = 0.0, variances = 0.0, counted = 0.0
        for name in names {
            if let regional = centre(of: name, sameRegion: true) {
                var hour = regional.hour
                if let shrink = regionShrink, let network = centre(of: name, sameRegion: false) {
                    hour = Self.shrunkCentre(
                        region: regional.hour, accounts: Double(regional.count), network: network.hour, worth: shrink)
                }
                centres[name] = (hour, 0)
            } else if let network = centre(of: name, sameRegion: false) {
                centres[name] = (network.hour, 1)
            }
            if let centre = centres[name], own[name]!.weight >= 10 {
                let d = PeakGrid.circularDistance(own[name]!.hour, centre.hour)
                distances += d * d
                variances += own[name]!.variance
                counted += 1
            }
        }
        let peakSpread = PeakGrid.peakSpread(
            distances: distances, variances: variances, counted: counted, fallback: defaultPeakSpread, range: peakSpreadRange)
        var priors: [String: [Double]] = [:]
        var noises: [String: Double] = [:]
        for (index, name) in names.enumerated() {
            var prior = Array(repeating: 1 / Double(grid.peaks.count), count: grid.peaks.count)
            if let centre = centres[name] {
                prior = aroundPeak(centre.hour, spread: (peakSpread * peakSpread + centre.extra).squareRoot())
            }
            priors[name] = prior
            noises[name] = accountNoise(
                rss: residuals[best.shape][index].map(\.rss).min() ?? 0, weight: accounts[name]!.all.total, network: best.noise)
        }
        var changes = Array(repeating: weekdayChange, count: 7)
        if let learning = weekdayLearning {
            // Which weekdays differ, from the fleet: responsibilities and probabilities in turn.
            changes = Array(repeating: learning.prior, count: 7)
            for _ in 0..<max(1, learning.rounds) {
                let responsibilities = names.enumerated().map { index, name in
                    let logs = dayLogs(
                        accounts[name]!, fits: residuals[best.shape][index], shape: shape, prior: priors[name]!,
                        noise: noises[name]!)
                    return (0..<7).map { day -> Double? in
                        guard accounts[name]!.days[day].total >= 1 else { return nil }
                        return WeekdayChangePrior.responsibility(
                            dayLog: logs.days[day], all: logs.all, logPrior: logs.prior, change: changes[day])
                    }
                }
                changes = learning.probabilities(responsibilities)
            }
        }
        var beliefs: [String: PeakBelief] = [:]
        for (index, name) in names.enumerated() {
            beliefs[name] = belief(
                accounts[name]!, fits: residuals[best.shape][index], shape: shape, prior: priors[name]!, noise: noises[name]!,
                changes: changes)
        }
        guard drifts.count > 1 || drifts.keys.first != 0 else { return beliefs }
        // Each account's drift: the candidate whose reading of its posts is most likely (prior included), or
        // every candidate weighed by its posterior probability.
        var readings: [String: [(evidence: Double, belief: PeakBelief)]] = [:]
        for (drift, share) in drifts.sorted(by: { $0.key < $1.key }) where share > 0 {
            let moved = drift == 0 ? accounts : Self.accounts(posts, drift: drift)
            for name in names {
                guard let account = moved[name], let prior = priors[name], let noise = noises[name] else { continue }
                let fits = Self.residuals(account.all, shape: shape)
                let evidence =
                    log(share)
                    + PeakCurveFit.logSumExp(zip(prior, fits).map { log(max($0, 1e-300)) - $1.rss / (2 * noise * noise) })
                readings[name, default: []].append(
                    (evidence, belief(account, fits: fits, shape: shape, prior: prior, noise: noise, changes: changes)))
            }
        }
        let drifted = readings.mapValues { candidates -> PeakBelief in
            let weights = PeakCurveFit.normalised(candidates.map(\.evidence))
            guard driftAveraging else { return candidates[weights.indices.max { weights[$0] < weights[$1] }!].belief }
            return PeakBelief.mixture(zip(weights, candidates.map(\.belief)).map { ($0, $1) })
        }
        return beliefs.merging(drifted, uniquingKeysWith: { _, drifted in drifted })
    }

    /// An account's noise: its residuals at its best peak (two parameters fitted) pooled with the network's
    /// noise worth `accountNoiseWeight` posts.
    func accountNoise(rss: Double, weight: Double, network: Double) -> Double {
        guard accountNoiseWeight > 0 else { return network }
        let k = accountNoiseWeight
        return max(0.05, ((rss + k * network * network) / (max(0, weight - 2) + k)).squareRoot())
    }

    /// A wrapped normal prior around `hour` with `spread`, with `uniformShare` spread evenly.
    func aroundPeak(_ hour: Double, spread: Double) -> [Double] {
        grid.prior(around: hour, spread: spread, uniformShare: uniformShare)
    }

    /// One account's log prior, per-weekday log likelihoods and all-days log posterior per peak (unnormalised).
    private func dayLogs(
        _ account: Account, fits: [(level: Double, rss: Double)], shape: Shape, prior: [Double], noise: Double
    ) -> (prior: [Double], days: [[Double]], all: [Double]) {
        let variance2 = 2 * noise * noise
        let logPrior = prior.map { log(max($0, 1e-300)) }
        let levels = fits.map(\.level)
        let days = account.days.map { day in Self.dayResiduals(day, shape: shape, levels: levels).map { -$0 / variance2 } }
        let all = grid.peaks.indices.map { peak in logPrior[peak] + days.reduce(0) { $0 + $1[peak] } }
        return (logPrior, days, all)
    }

    /// One account's belief: the all-days posterior, then each weekday mixing "as the other days" and "its own"
    /// (weekday `d` has its own with probability `changes[d − 1]`).
    private func belief(
        _ account: Account, fits: [(level: Double, rss: Double)], shape: Shape, prior: [Double], noise: Double,
        changes: [Double]
    ) -> PeakBelief {
        let variance2 = 2 * noise * noise
        let (logPrior, dayLogs, all) = dayLogs(account, fits: fits, shape: shape, prior: prior, noise: noise)
        let levels = fits.map(\.level)
        let days =
            sharedAlternate
            // Each day at its own level: the account's level, fitted as if every day read at one peak, is
            // biased when some days read at another.
            ? Self.alternateDays(
                account.days.map { day in Self.residuals(day, shape: shape).map { -$0.rss / variance2 } }, logPrior: logPrior,
                change: weekdayChange)
            : zip(dayLogs, changes).map { dayLog, change -> [Double] in
                let without = PeakCurveFit.logSumExp(zip(all, dayLog).map { $0 - $1 })
                let same = all.map { log(max(1e-12, 1 - change)) + $0 - without }
                let different = grid.peaks.indices.map { log(max(1e-12, change)) + dayLog[$0] + logPrior[$0] }
                return PeakCurveFit.normalised(zip(same, different).map { PeakCurveFit.logSumExp([$0, $1]) })
            }
        let top = all.indices.max { all[$0] < all[$1] } ?? 0
        let amplitude = -log(shape.floor)
        return PeakBelief(
            level: levels[top] - amplitude, amplitude: amplitude, width: shape.width, spread: noise, weight: account.all.total,
            days: days, prior: prior, grid: grid)
    }
}
