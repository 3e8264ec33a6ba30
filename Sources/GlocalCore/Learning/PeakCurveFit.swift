import Foundation

/// Fits each account's daily curve on one network (docs/scheduling.md, "Learned timing"): score ≈
/// level + amplitude · bump(hour − peak), by likelihood over a grid of peaks and widths
/// (``PeakGrid``), so every post, at any hour, tells where the peak is. Empirical Bayes: an account's
/// prior over the peak centres on the other accounts of its network and region (or of its network),
/// as wide as the accounts of the network are seen to differ. Each weekday may keep the account's
/// peak or — with prior probability `weekdayChange` — have one of its own, which its own posts
/// must then show (an audience that reads later on Fridays).
public struct PeakCurveFit: Sendable {
    /// One scored post, located in the day.
    public struct Post: Sendable {
        /// The account.
        public var account: String
        /// The account's region (empty: none).
        public var region: String
        /// Ten-minute slot of the local day (0…143).
        public var slot: Int
        /// ISO weekday.
        public var weekday: Int
        /// Its score.
        public var score: Double
        /// Its decayed weight.
        public var weight: Double
        /// Its age in weeks (for a peak that drifts).
        public var age: Double

        /// Creates a post.
        public init(account: String, region: String, slot: Int, weekday: Int, score: Double, weight: Double, age: Double = 0) {
            self.age = age
            self.account = account
            self.region = region
            self.slot = slot
            self.weekday = weekday
            self.score = score
            self.weight = weight
        }
    }

    /// How many posts the prior amplitude is worth.
    public var ridge: Double
    /// Prior probability that one weekday's peak differs from the account's.
    public var weekdayChange: Double
    /// Share of the prior spread evenly over the day (a peak far from the pool stays possible).
    public var uniformShare: Double
    /// The amplitude assumed until the network's accounts show theirs.
    public var defaultAmplitude: Double
    /// How far (hours, standard deviation) an account's peak is assumed from its pool's until the data say.
    public var defaultPeakSpread: Double
    /// The range the learned spread of peaks is kept in, hours.
    public var peakSpreadRange: ClosedRange<Double>
    /// The grid.
    public let grid: PeakGrid

    /// Creates the fit with docs/scheduling.md's settings.
    public init(
        ridge: Double = 4, weekdayChange: Double = 0.1, uniformShare: Double = 0.05, defaultAmplitude: Double = 0.5,
        defaultPeakSpread: Double = 3, peakSpreadRange: ClosedRange<Double> = 1...5, grid: PeakGrid = .standard
    ) {
        self.ridge = ridge
        self.weekdayChange = weekdayChange
        self.uniformShare = uniformShare
        self.defaultAmplitude = defaultAmplitude
        self.defaultPeakSpread = defaultPeakSpread
        self.peakSpreadRange = peakSpreadRange
        self.grid = grid
    }

    /// One account's sums: per weekday, and all together.
    private struct AccountSums {
        var region: String
        var days: [PeakSums]
        var all: PeakSums
    }

    /// Beliefs for every account of `posts` (one network); `fallbackSpread` is the spread of single
    /// scores used when the network has fewer than 10 posts.
    public func fit(_ posts: [Post], fallbackSpread: Double) -> [String: PeakBelief] {
        var accounts: [String: AccountSums] = [:]
        for post in posts {
            var sums =
                accounts[post.account]
                ?? AccountSums(
                    region: post.region, days: Array(repeating: PeakSums(grid: grid), count: 7), all: PeakSums(grid: grid))
            sums.days[post.weekday - 1].add(post.score, slot: post.slot, weight: post.weight, grid: grid)
            sums.all.add(post.score, slot: post.slot, weight: post.weight, grid: grid)
            accounts[post.account] = sums
        }
        var network = PeakSums(grid: grid)
        var regions: [String: PeakSums] = [:]
        // Accounts in a fixed order, so the sums come out the same to the last bit in every process.
        let names = accounts.keys.sorted()
        for sums in names.map({ accounts[$0]! }) {
            network = network.combined(with: sums.all, sign: 1)
            if !sums.region.isEmpty {
                regions[sums.region] = (regions[sums.region] ?? PeakSums(grid: grid)).combined(with: sums.all, sign: 1)
            }
        }
        let uniform = Array(repeating: 1 / Double(grid.peaks.count), count: grid.peaks.count)
        // First pass, every account on its own: the spread of scores around the curves, the typical amplitude.
        var residual = 0.0, residualWeight = 0.0, amplitudes = 0.0, amplitudeWeight = 0.0
        for sums in names.map({ accounts[$0]! }) where sums.all.weight >= 3 {
            let best = (0..<grid.count).map { sums.all.fit(point: $0, amplitude: defaultAmplitude, ridge: 1) }
                .min { $0.residual < $1.residual }!
            residual += best.residual
            residualWeight += max(0, sums.all.weight - 2)
            amplitudes += sums.all.weight * best.amplitude
            amplitudeWeight += sums.all.weight
        }
        let spread =
            posts.count >= 10 && residualWeight > 0 ? max(0.05, (residual / residualWeight).squareRoot()) : fallbackSpread
        let amplitude = amplitudeWeight >= 10 ? amplitudes / amplitudeWeight : defaultAmplitude
        // Where each account's pool puts the peak (the account left out), and how far accounts are from it.
        var centres: [String: (hour: Double, extra: Double)?] = [:]
        var own: [String: (mean: Double, variance: Double)] = [:]
        for (account, sums) in accounts {
            var centre: (hour: Double, extra: Double)? = nil
            if let region = regions[sums.region]?.combined(with: sums.all, sign: -1), region.weight >= 3 {
                centre = (peakMean(region, prior: uniform, spread: spread, amplitude: amplitude), 0)
            } else {
                let rest = network.combined(with: sums.all, sign: -1)
                if rest.weight >= 3 { centre = (peakMean(rest, prior: uniform, spread: spread, amplitude: amplitude), 1) }
            }
            centres[account] = centre
            if sums.all.weight >= 10 {
                let posterior = peakPosterior(sums.all, prior: uniform, spread: spread, amplitude: amplitude)
                own[account] = (
                    PeakBelief.circularMean(posterior, hours: grid.peaks),
                    PeakBelief.circularVariance(posterior, hours: grid.peaks)
                )
            }
        }
        var distances = 0.0, variances = 0.0, counted = 0.0
        for (account, estimate) in own.sorted(by: { $0.key < $1.key }) {
            guard let centre = centres[account] ?? nil else { continue }
            let d = PeakGrid.circularDistance(estimate.mean, centre.hour)
            distances += d * d
            variances += estimate.variance
            counted += 1
        }
        let peakSpread = PeakGrid.peakSpread(
            distances: distances, variances: variances, counted: counted, fallback: defaultPeakSpread, range: peakSpreadRange)
        var beliefs: [String: PeakBelief] = [:]
        for (account, sums) in accounts {
            var prior = uniform
            if let centre = centres[account] ?? nil {
                prior = aroundPeak(centre.hour, spread: (peakSpread * peakSpread + centre.extra).squareRoot())
            }
            beliefs[account] = belief(sums, prior: prior, spread: spread, amplitude: amplitude)
        }
        return beliefs
    }

    /// A wrapped normal prior around `hour` with `spread`, with `uniformShare` spread evenly.
    func aroundPeak(_ hour: Double, spread: Double) -> [Double] {
        grid.prior(around: hour, spread: spread, uniformShare: uniformShare)
    }

    /// The posterior over peaks of one group's sums (widths marginalised).
    func peakPosterior(_ sums: PeakSums, prior: [Double], spread: Double, amplitude: Double) -> [Double] {
        var logs = [Double](repeating: 0, count: grid.peaks.count)
        for peak in grid.peaks.indices {
            let terms = grid.widths.indices.map { width in
                -sums.fit(point: grid.point(peak: peak, width: width), amplitude: amplitude, ridge: ridge).residual
                    / (2 * spread * spread)
            }
            logs[peak] = log(max(prior[peak], 1e-300)) + Self.logSumExp(terms)
        }
        return Self.normalised(logs)
    }

    private func peakMean(_ sums: PeakSums, prior: [Double], spread: Double, amplitude: Double) -> Double {
        PeakBelief.circularMean(peakPosterior(sums, prior: prior, spread: spread, amplitude: amplitude), hours: grid.peaks)
    }

    /// One account's belief: the best (peak, width) sets the level, amplitude and width; then each
    /// weekday's posterior over the peak mixes "as the other days" and "its own", by how well each explains it.
    private func belief(_ sums: AccountSums, prior: [Double], spread: Double, amplitude: Double) -> PeakBelief {
        let logPrior = prior.map { log(max($0, 1e-300)) }
        var best = (point: 0, score: -Double.infinity, level: 0.0, amplitude: amplitude)
        for peak in grid.peaks.indices {
            for width in grid.widths.indices {
                let point = grid.point(peak: peak, width: width)
                let fit = sums.all.fit(point: point, amplitude: amplitude, ridge: ridge)
                let score = logPrior[peak] - fit.residual / (2 * spread * spread)
                if score > best.score { best = (point, score, fit.level, fit.amplitude) }
            }
        }
        let width = best.point / grid.peaks.count
        let variance2 = 2 * spread * spread
        let dayLogs = sums.days.map { day in
            grid.peaks.indices.map { peak in
                day.weight > 0
                    ? -day.residual(point: grid.point(peak: peak, width: width), level: best.level, amplitude: best.amplitude)
                        / variance2 : 0
            }
        }
        let all = grid.peaks.indices.map { peak in logPrior[peak] + dayLogs.reduce(0) { $0 + $1[peak] } }
        let days = dayLogs.map { dayLog -> [Double] in
            let without = Self.logSumExp(zip(all, dayLog).map { $0 - $1 })
            let same = all.map { log(1 - weekdayChange) + $0 - without }
            let different = grid.peaks.indices.map { log(weekdayChange) + dayLog[$0] + logPrior[$0] }
            return Self.normalised(zip(same, different).map { Self.logSumExp([$0, $1]) })
        }
        return PeakBelief(
            level: best.level, amplitude: best.amplitude, width: width, spread: spread, weight: sums.all.weight, days: days,
            prior: prior, grid: grid)
    }

    static func logSumExp(_ values: [Double]) -> Double {
        guard let top = values.max(), top > -Double.infinity else { return -Double.infinity }
        return top + log(values.reduce(0) { $0 + exp($1 - top) })
    }

    static func normalised(_ logs: [Double]) -> [Double] {
        let total = logSumExp(logs)
        return logs.map { exp($0 - total) }
    }
}
