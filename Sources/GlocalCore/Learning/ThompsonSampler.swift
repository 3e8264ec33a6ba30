import Foundation

/// Thompson sampling: draw one plausible score per bucket from its posterior and rank by the draws,
/// so a bucket is chosen as often as it is likely to be the best — uncertain buckets still get tried.
public enum ThompsonSampler {
    /// `items` ranked by one normal draw each, highest first (ties: earlier bucket first); `scale`
    /// multiplies each posterior's standard deviation (above 1 explores more, 0 always exploits).
    public static func rank<G: RandomNumberGenerator>(
        _ items: [BucketChoice.Ranked], scale: Double = 1, using random: inout G
    ) -> [BucketChoice.Ranked] {
        var drawn = items
        for index in drawn.indices {
            let estimate = drawn[index].estimate
            drawn[index].draw = estimate.mean + scale * estimate.variance.squareRoot() * standardNormal(&random)
        }
        return drawn.sorted { $0.draw != $1.draw ? $0.draw > $1.draw : $0.bucket < $1.bucket }
    }

    /// A standard normal number from any generator (Box–Muller).
    static func standardNormal<G: RandomNumberGenerator>(_ random: inout G) -> Double {
        let u1 = max(Double(random.next() >> 11) / Double(1 << 53), .leastNonzeroMagnitude)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
