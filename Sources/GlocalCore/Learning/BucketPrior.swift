/// The default table as a prior over buckets (docs/scheduling.md): 0 where a tier-A window touches the
/// bucket, −0.1 where only a tier-B window does, nothing (not allowed) elsewhere.
public struct BucketPrior: Sendable {
    /// Prior mean of a preferred (A) bucket.
    public static let preferred = 0.0
    /// Prior mean of an allowed-only (B) bucket.
    public static let allowed = -0.1

    /// Prior mean by bucket, allowed buckets only.
    public let means: [TimingBucket: Double]

    /// The prior of `profile`.
    public init(profile: TimingProfile) {
        var means: [TimingBucket: Double] = [:]
        for (windows, value) in [(profile.allowed, Self.allowed), (profile.preferred, Self.preferred)] {
            for window in windows {
                for bucket in TimingBucket.all
                where window.weekdays.contains(bucket.weekday)
                    && window.start.minutes < bucket.endMinute && window.end.minutes > bucket.startMinute
                {
                    means[bucket] = max(means[bucket] ?? value, value)
                }
            }
        }
        self.means = means
    }

    /// The prior mean of `bucket`, or `nil` when no window allows it.
    public func mean(_ bucket: TimingBucket) -> Double? { means[bucket] }
}
