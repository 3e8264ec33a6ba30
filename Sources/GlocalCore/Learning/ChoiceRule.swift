/// The decision rule's options beyond the post-count switch (docs/scheduling.md, "Learned timing", step 4):
/// how an account with a peak belief explores before it exploits and keeps learning afterwards. Every option
/// is off at its zero value, which leaves the rule as ``LearnedTiming/peakPivot`` and
/// ``LearnedTiming/exploitAfter`` describe it; the default turns top-two sampling on (``topTwo`` 1).
public struct ChoiceRule: Sendable, Hashable {
    /// The exploring temperature is `peakTemperature · min(1, peakPivot / posts)^temperaturePower`
    /// (1: falls as 1 / posts; larger: falls faster, a smooth switch to exploiting).
    public var temperaturePower: Double
    /// Exploit as soon as the posterior probability that the best expected bucket is the day's best
    /// reaches this (0: only the post count switches).
    public var exploitCertainty: Double
    /// Top-two Thompson sampling while exploring: with this probability a post goes to a challenger, the
    /// leader of a redrawn peak that differs from the first draw's (0: plain Thompson sampling; 1, the default:
    /// every exploring post, as an exploring post teaches most where the belief is not already).
    public var topTwo: Double
    /// While exploring, buckets less likely than this to be the day's best come after those that are (0: off).
    public var bestFloor: Double
    /// While exploiting, the two best buckets alternate (half of the posts each, by the variant id) when
    /// their expected scores differ by less than this many posterior standard deviations of the difference
    /// (0: always the best), so the model keeps seeing two hours.
    public var contrastMargin: Double

    /// Creates a rule; the defaults are docs/scheduling.md's, tuned in the simulation: top-two sampling only.
    public init(
        temperaturePower: Double = 1, exploitCertainty: Double = 0, topTwo: Double = 1, bestFloor: Double = 0,
        contrastMargin: Double = 0
    ) {
        self.temperaturePower = temperaturePower
        self.exploitCertainty = exploitCertainty
        self.topTwo = topTwo
        self.bestFloor = bestFloor
        self.contrastMargin = contrastMargin
    }
}
