import Foundation

/// The engagement report (issue #6): what `glocal report` prints in text, CSV, JSON or HTML, and what
/// the web UI shows. A pure value: ``EngagementReportBuilder`` computes it, renderers only format it.
public struct EngagementReport: Sendable, Codable, Equatable {
    /// Engagement of one campaign × network × locale × account.
    public struct Row: Sendable, Codable, Equatable {
        /// Campaign, network, locale and account of the row.
        public var campaign: String, network: String, locale: String, account: String
        /// Posts that went out.
        public var published: Int
        /// Of those, posts with at least one reading.
        public var measured: Int
        /// Interactions at the latest reading, summed.
        public var engagement: Int
        /// `engagement / measured`, or `nil` with nothing measured.
        public var meanEngagement: Double?
    }

    /// An account's promotional share over the rolling window ending on `weekEnding`.
    public struct PromotionalShare: Sendable, Codable, Equatable {
        /// The account.
        public var account: String
        /// The Sunday that ends the ISO week (UTC).
        public var weekEnding: String
        /// Posts (any state that counts) slotted in the window.
        public var posts: Int
        /// Of those, promotional.
        public var promotional: Int
        /// `promotional / posts`.
        public var share: Double
        /// Above the workspace's limit.
        public var overLimit: Bool
    }

    /// Approval turnaround of one team.
    public struct Approvals: Sendable, Codable, Equatable {
        /// The team.
        public var team: String
        /// Variants approved.
        public var approved: Int
        /// Median hours from request to approval.
        public var medianHours: Double
        /// Slowest, in hours.
        public var maxHours: Double
    }

    /// Publishing punctuality of one network.
    public struct Punctuality: Sendable, Codable, Equatable {
        /// The network.
        public var network: String
        /// Posts that went out.
        public var published: Int
        /// Of those, within the tolerance of their slot.
        public var onTime: Int
        /// Median seconds after the slot.
        public var medianDelaySeconds: Double
        /// Latest, in seconds after the slot.
        public var maxDelaySeconds: Double
    }

    /// Mean engagement of posts that went out at one local weekday and hour, on one network.
    public struct HeatmapCell: Sendable, Codable, Equatable {
        /// The network.
        public var network: String
        /// ISO weekday 1…7.
        public var weekday: Int
        /// Local hour 0…23.
        public var hour: Int
        /// Posts measured in the cell.
        public var posts: Int
        /// Their mean interactions.
        public var meanEngagement: Double
    }

    /// One variant ranked by its score (log ratio to its account's median in the report).
    public struct RankedVariant: Sendable, Codable, Equatable {
        /// Variant, account, network and locale.
        public var variant: String, account: String, network: String, locale: String
        /// Interactions at its latest reading.
        public var engagement: Int
        /// Log ratio to its account's median.
        public var score: Double
    }

    /// One locale compared with the others.
    public struct LocaleSummary: Sendable, Codable, Equatable {
        /// The locale.
        public var locale: String
        /// Posts measured.
        public var measured: Int
        /// Their mean interactions.
        public var meanEngagement: Double
        /// Mean score: above 0, its posts did better than their accounts' usual.
        public var meanScore: Double
    }

    /// The campaign filter, if any.
    public var campaign: String?
    /// Rows by campaign, network, locale, account.
    public var rows: [Row]
    /// Share per account and week.
    public var promotionalShare: [PromotionalShare]
    /// The limit the shares are compared with.
    public var promotionalShareMax: Double
    /// Turnaround per team.
    public var approvals: [Approvals]
    /// Punctuality per network.
    public var punctuality: [Punctuality]
    /// Heatmap cells with posts.
    public var heatmap: [HeatmapCell]
    /// Best variants first.
    public var top: [RankedVariant]
    /// Worst variants first.
    public var bottom: [RankedVariant]
    /// Locales by mean score, best first.
    public var locales: [LocaleSummary]
    /// Learned timing per account and network: best buckets with their uncertainty, holdout lift.
    public var learnedTiming: [LearnedTimingRow] = []
    /// The lift the holdout measured over every account.
    public var learnedTimingLift: HoldoutLift? = nil
}
