import Foundation

/// How likely each weekday's peak is to differ from the account's, learned from a network's accounts
/// (docs/scheduling.md, "Learned timing"): empirical Bayes over the fleet rather than one fixed
/// probability for every weekday. Each account's posts on a weekday give the posterior probability that
/// the day reads at its own peak (its responsibility); a weekday's probability is the mean responsibility
/// over the accounts with posts that day, shrunk toward `prior` with the weight of `priorWeight` accounts.
public struct WeekdayChangePrior: Sendable, Equatable {
    /// The probability each weekday starts from (and keeps without accounts to judge by).
    public var prior: Double
    /// How many accounts `prior` is worth against the fleet's responsibilities on one weekday.
    public var priorWeight: Double
    /// Rounds of estimating the probabilities and the responsibilities in turn (EM).
    public var rounds: Int

    /// Creates the prior: 0.1 worth 10 accounts, three rounds.
    public init(prior: Double = 0.1, priorWeight: Double = 10, rounds: Int = 3) {
        self.prior = prior
        self.priorWeight = priorWeight
        self.rounds = rounds
    }

    /// The probability that one weekday reads at its own peak, given its log likelihood per peak (`dayLog`),
    /// the account's log posterior per peak from all its days (`all`, prior included), the prior over the
    /// peak (`logPrior`) and the prior probability `change`.
    public static func responsibility(dayLog: [Double], all: [Double], logPrior: [Double], change: Double) -> Double {
        let without = zip(all, dayLog).map { $0 - $1 }
        // The day's evidence as the other days (their posterior) and at a peak of its own (the prior).
        let same = PeakCurveFit.logSumExp(all) - PeakCurveFit.logSumExp(without)
        let different = PeakCurveFit.logSumExp(zip(dayLog, logPrior).map { $0 + $1 }) - PeakCurveFit.logSumExp(logPrior)
        let a = log(max(1e-12, 1 - change)) + same, b = log(max(1e-12, change)) + different
        let top = max(a, b)
        return exp(b - top) / (exp(a - top) + exp(b - top))
    }

    /// Per ISO weekday (index weekday − 1): the probability shrunk toward `prior` from the responsibilities
    /// of the accounts with posts that day (`responsibilities[account][day]`, `nil` for a day without posts).
    public func probabilities(_ responsibilities: [[Double?]]) -> [Double] {
        (0..<7).map { day in
            let seen = responsibilities.compactMap { $0.count > day ? $0[day] : nil }
            return (priorWeight * prior + seen.reduce(0, +)) / (priorWeight + Double(seen.count))
        }
    }
}
