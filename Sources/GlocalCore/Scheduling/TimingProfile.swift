/// When and how often one network's posts should go out (docs/scheduling.md's default table, overridable).
public struct TimingProfile: Sendable, Hashable {
    /// The network.
    public var network: Network
    /// Windows where the audience is (tier A), tried first.
    public var preferred: [TimeWindow]
    /// Windows that are acceptable (tier B), tried when A is full or absent.
    public var allowed: [TimeWindow]
    /// Least time between two posts of one account.
    public var minGap: GlocalDuration
    /// Most posts per account per local day.
    public var maxPerDay: Int
    /// Most posts per account per ISO week, if capped.
    public var maxPerWeek: Int?

    /// Creates a profile.
    public init(
        network: Network, preferred: [TimeWindow], allowed: [TimeWindow], minGap: GlocalDuration, maxPerDay: Int,
        maxPerWeek: Int?
    ) {
        self.network = network
        self.preferred = preferred
        self.allowed = allowed
        self.minGap = minGap
        self.maxPerDay = maxPerDay
        self.maxPerWeek = maxPerWeek
    }
}
