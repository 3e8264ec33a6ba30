/// One slice of a period (a network, a locale or a team) with its posts, reach and engagement.
public struct ReportBreakdown: Sendable, Equatable {
    /// The network, locale or team.
    public var key: String
    /// Posts that went out.
    public var published: Int
    /// People reached (posts whose network reports it).
    public var reach: Int
    /// Interactions.
    public var engagement: Int
    /// Interactions of the posts with a reach.
    public var engagementWithReach: Int

    /// Creates a slice.
    public init(key: String, published: Int = 0, reach: Int = 0, engagement: Int = 0, engagementWithReach: Int = 0) {
        self.key = key
        self.published = published
        self.reach = reach
        self.engagement = engagement
        self.engagementWithReach = engagementWithReach
    }

    /// Interactions per person reached; `nil` with no reach.
    public var engagementRate: Double? { reach > 0 ? Double(engagementWithReach) / Double(reach) : nil }
}
