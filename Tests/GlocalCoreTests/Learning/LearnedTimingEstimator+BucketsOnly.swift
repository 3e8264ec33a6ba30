import GlocalCore

extension LearnedTimingEstimator {
    /// The same estimator without the peak model: the bucket estimates alone, which these tests work out by
    /// hand (docs/scheduling.md, "Learned timing": the pools and the `--buckets` option use them).
    func bucketsOnly() -> LearnedTimingEstimator {
        var estimator = self
        estimator.peakLikelihood = nil
        estimator.peakPivot = 0
        estimator.exploitAfter = 0
        return estimator
    }
}
