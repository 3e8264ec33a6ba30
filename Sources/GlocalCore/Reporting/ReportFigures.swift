/// The headline figures of one period (docs/operations.md, "The report", defines each).
public struct ReportFigures: Sendable, Equatable {
    /// Posts that went out in the period.
    public var published: Int
    /// Of those, posts with an engagement reading.
    public var measured: Int
    /// People reached, summed over the posts whose network reports reach.
    public var reach: Int
    /// Of the measured posts, those whose network reports a reach (the posts the reach and the rate are over).
    public var withReach: Int
    /// Interactions, summed over the measured posts.
    public var engagement: Int
    /// Interactions of the posts with a reach, summed (the engagement rate's numerator).
    public var engagementWithReach: Int
    /// Variants approved in the period (each variant's latest approval).
    public var approved: Int
    /// Of those, approved at or before their deadline.
    public var approvedOnTime: Int
    /// Published posts that had a slot (live posts have none).
    public var slotted: Int
    /// Of those, published within the punctuality tolerance of their slot.
    public var punctual: Int

    /// Creates figures.
    public init(
        published: Int = 0, measured: Int = 0, reach: Int = 0, engagement: Int = 0, engagementWithReach: Int = 0,
        approved: Int = 0, approvedOnTime: Int = 0, slotted: Int = 0, punctual: Int = 0, withReach: Int = 0
    ) {
        self.withReach = withReach
        self.published = published
        self.measured = measured
        self.reach = reach
        self.engagement = engagement
        self.engagementWithReach = engagementWithReach
        self.approved = approved
        self.approvedOnTime = approvedOnTime
        self.slotted = slotted
        self.punctual = punctual
    }

    /// Interactions per person reached; `nil` with no reach.
    public var engagementRate: Double? { reach > 0 ? Double(engagementWithReach) / Double(reach) : nil }

    /// Share of approvals made on time; `nil` with none.
    public var approvalsOnTime: Double? { approved > 0 ? Double(approvedOnTime) / Double(approved) : nil }

    /// Share of slotted posts published on time; `nil` with none.
    public var punctuality: Double? { slotted > 0 ? Double(punctual) / Double(slotted) : nil }

    /// Whether anything happened in the period (a comparison with an empty period says "n/a").
    public var hasData: Bool { published > 0 || approved > 0 }
}
