/// Engagement of the posts that went out at one local weekday and hour (all networks together).
public struct ReportHeatCell: Sendable, Equatable {
    /// ISO weekday 1 (Monday) … 7.
    public var weekday: Int
    /// Local hour 0…23, in the post's account's time zone.
    public var hour: Int
    /// Measured posts.
    public var posts: Int
    /// Their interactions, summed.
    public var engagement: Int

    /// Creates a cell.
    public init(weekday: Int, hour: Int, posts: Int, engagement: Int) {
        self.weekday = weekday
        self.hour = hour
        self.posts = posts
        self.engagement = engagement
    }

    /// Mean interactions per post in the cell.
    public var meanEngagement: Double { posts > 0 ? Double(engagement) / Double(posts) : 0 }
}
