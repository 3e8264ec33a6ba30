import Foundation

/// What a post's early reading (+1 h) says about its audience's activity at its hour (docs/scheduling.md,
/// "Early reading"), combined with its score.
///
/// Both readings carry the post's own luck (its content, a shared factor), so the share of its first-day
/// interactions that came in its first hour does not: it compares the audience's activity at the post's hour
/// with the hours after it. Per network, the least-squares slope of the scores on the log of the share (both less
/// the account's mean) predicts a score free of luck; its scale and how much it is worth are learnt from the
/// data, never assumed: the posts of one account in one two-hour block give the scores' luck, the rest of
/// their variance is the hours' own, and the share of it the prediction explains (R²) gives the prediction's
/// precision. Each score is then combined with its prediction, each weighed by its precision (the prediction's
/// times `weight`). A post without an early reading, or with fewer than `minimumInteractions` at +24 h (a
/// share of a handful is mostly counting noise), keeps its score.
public struct EarlyReadingEvidence: Sendable, Equatable {
    /// Scales the precision of what the shares predict: 0 ignores them, 1 takes it as measured.
    public var weight: Double
    /// Fewest interactions at the scoring reading for a share to count.
    public var minimumInteractions: Double

    /// Creates the evidence; the defaults are docs/scheduling.md's.
    public init(weight: Double = 1, minimumInteractions: Double = 5) {
        self.weight = weight
        self.minimumInteractions = minimumInteractions
    }

    /// `early / total`, the first hour's share; `nil` when `total` is under `minimumInteractions` or either reading
    /// is negative. Not its log, nor smoothed: any such transform of a few counts depends on how many there were,
    /// and so on the post's luck, which the share is there to leave out.
    public func share(early: Double, total: Double) -> Double? {
        guard early >= 0, total > 0, total >= minimumInteractions else { return nil }
        return min(early, total) / total
    }

    /// The observations with each score moved toward what the shares predict (see the type); the order is kept.
    public func combine(_ items: [EngagementObservation]) -> [EngagementObservation] {
        guard weight > 0 else { return items }
        let shares = items.map { item -> Double? in
            guard let early = item.earlyEngagement, let logEngagement = item.logEngagement else { return nil }
            return share(early: early, total: (exp(logEngagement) - 1).rounded())
        }
        let features = EarlyShareFeatures(items: items, shares: shares)
        var calibrations: [Network: EarlyShareFeatures.Calibration] = [:]
        for network in Set(items.map(\.network)) { calibrations[network] = features.calibration(network: network) }
        return items.indices.map { index in
            guard let point = features.points[index], let calibration = calibrations[items[index].network] else {
                return items[index]
            }
            var result = items[index]
            result.score += calibration.combined(point, trust: weight) - point.score
            return result
        }
    }
}
