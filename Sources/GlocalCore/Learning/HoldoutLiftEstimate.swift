import Foundation

/// What learned timing adds, measured on the holdout: the one estimator behind `glocal report` (per
/// account and overall) and `glocal-simulate` (docs/scheduling.md, "Holdout").
///
/// Learner's and holdout posts are compared only *within* a stratum (one account in one 28-day period),
/// on `log(engagement + 1)`: inside a stratum that is the account-relative score, so audience size, an
/// account's growth and its usual level never enter the difference. The strata's differences are
/// averaged with weights `nL·nH / (nL + nH)` (Cochran–Mantel–Haenszel), the weighting with the least
/// variance when posts' luck varies alike; a stratum without posts on both sides says nothing and
/// weighs 0. Holdout membership is random (``Holdout``), so neither the strata nor the weights depend on
/// how posts did: the estimate has no bias from them (over 20 simulated fleets its mean error against the
/// true lift of the learner's posts is under half a point; its spread is the holdout posts' own luck).
/// Weights by each account's own variance, strata of a whole account, a weekday adjustment, and even the
/// simulation's expected value at the table's slot as a covariate narrowed it by a tenth at most
/// (`bench/simulate.py --holdout-study`): accounts' luck varies alike (σ 0.54–0.60 by network), and most
/// of it is each post's own.
public struct HoldoutLiftEstimate: Sendable, Equatable {
    /// One measured post.
    public struct Post: Sendable, Hashable {
        /// The account (with its network when accounts of several networks are mixed).
        public var account: String
        /// Its 28-day period (``period(of:from:)``).
        public var period: Int
        /// Whether it is a holdout post (placed by the default table).
        public var holdout: Bool
        /// Interactions at the scoring reading.
        public var engagement: Double
        /// Subtracted from `log(engagement + 1)`: the post's content effect, seen on its sibling accounts
        /// (``ContentEffect``), so a strong or weak post on one side does not pass for the hour's doing.
        public var contentEffect: Double

        /// Creates a post.
        public init(account: String, period: Int, holdout: Bool, engagement: Double, contentEffect: Double = 0) {
            self.contentEffect = contentEffect
            self.account = account
            self.period = period
            self.holdout = holdout
            self.engagement = engagement
        }
    }

    /// Length of a stratum's period: an account's level may drift from month to month.
    public static let periodLength: TimeInterval = 28 * 86_400

    /// The 28-day period of `date`, counted from `start` (0 for the first).
    public static func period(of date: Date, from start: Date) -> Int {
        Int((date.timeIntervalSince(start) / periodLength).rounded(.down))
    }

    /// Posts placed by the learner, and holdout posts, that were given.
    public let learnedPosts: Int, holdoutPosts: Int
    /// Strata with posts on both sides (the only ones compared).
    public let strata: Int
    /// The weighted mean, over strata, of mean learned minus mean holdout `log(engagement + 1)`; `nil`
    /// without a stratum with posts on both sides.
    public let difference: Double?
    /// Its standard error (pooled within-stratum spread); `nil` without a degree of freedom left.
    public let standardError: Double?
    /// Degrees of freedom of that spread: compared posts less two per stratum.
    public let degreesOfFreedom: Int

    /// Estimates the lift from `posts`.
    public init(_ posts: [Post]) {
        learnedPosts = posts.filter { !$0.holdout }.count
        holdoutPosts = posts.count - learnedPosts
        struct Key: Hashable {
            var account: String
            var period: Int
        }
        var sides: [Key: (learned: [Double], holdout: [Double])] = [:]
        for post in posts {
            let value = log(max(0, post.engagement) + 1) - post.contentEffect
            let key = Key(account: post.account, period: post.period)
            if post.holdout {
                sides[key, default: ([], [])].holdout.append(value)
            } else {
                sides[key, default: ([], [])].learned.append(value)
            }
        }
        var weightedSum = 0.0, totalWeight = 0.0, squares = 0.0, compared = 0, used = 0
        // In a fixed order, so the sums come out the same to the last bit in every process.
        let ordered = sides.sorted { ($0.key.account, $0.key.period) < ($1.key.account, $1.key.period) }
        for (learned, holdout) in ordered.map(\.value) where !learned.isEmpty && !holdout.isEmpty {
            let learnedMean = Self.mean(learned), holdoutMean = Self.mean(holdout)
            let weight = Double(learned.count * holdout.count) / Double(learned.count + holdout.count)
            weightedSum += weight * (learnedMean - holdoutMean)
            totalWeight += weight
            squares += learned.reduce(0) { $0 + ($1 - learnedMean) * ($1 - learnedMean) }
            squares += holdout.reduce(0) { $0 + ($1 - holdoutMean) * ($1 - holdoutMean) }
            compared += learned.count + holdout.count
            used += 1
        }
        strata = used
        degreesOfFreedom = compared - 2 * used
        difference = totalWeight > 0 ? weightedSum / totalWeight : nil
        // Var(Σ w·d / Σ w) = s² Σ w² (1/nL + 1/nH) / (Σ w)² = s² / Σ w, since w (1/nL + 1/nH) = 1.
        standardError = degreesOfFreedom > 0 ? (squares / Double(degreesOfFreedom) / totalWeight).squareRoot() : nil
    }

    /// `exp(difference) − 1`: +0.05 when the learner's posts did 5 % better than the table's slot.
    public var lift: Double? { difference.map { exp($0) - 1 } }

    /// The 95 % interval of ``lift`` (Student's t on the difference), when there is a spread to measure.
    public var interval: (low: Double, high: Double)? {
        guard let difference, let standardError else { return nil }
        let margin = Self.studentT975(degreesOfFreedom: degreesOfFreedom) * standardError
        return (exp(difference - margin) - 1, exp(difference + margin) - 1)
    }

    /// The 97.5 % quantile of Student's t with `degreesOfFreedom` (≥ 1): exact for 1 and 2, else the
    /// Cornish–Fisher expansion around the normal's 1.96 (within 0.01 from 3 on).
    static func studentT975(degreesOfFreedom: Int) -> Double {
        let n = Double(max(1, degreesOfFreedom))
        if degreesOfFreedom <= 1 { return tan(0.475 * .pi) }
        if degreesOfFreedom == 2 { return 0.95 * (2 / (4 * 0.975 * 0.025)).squareRoot() }
        let z = 1.959_963_984_540_054
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        let g1 = (z3 + z) / 4, g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1_482 * z5 - 1_920 * z3 - 945 * z) / 92_160
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n)
    }

    private static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
}
