import GlocalCore

/// What published studies say about a network, as far as they go (docs/scheduling.md, "Simulation"):
/// the local hour engagement peaks at and the median engagement rate per post. Where a network has no
/// study of its own, the value of the network it copies in the default table is assumed.
struct NetworkStudy {
    /// Local hour at the centre of the study's best window.
    var peakHour: Double
    /// Interactions per follower per post (median over brands).
    var engagementRate: Double

    /// Sprout Social's "best times to post" (2023, local time): Facebook Mon–Thu 08–13, Instagram
    /// Mon–Wed and Fri 09/10–13, LinkedIn Tue–Wed 10–12, X Tue–Fri 09–12 (2021: Tue–Thu 09–11).
    /// Rival IQ's Social Media Industry Benchmark (median engagement rate per post by followers):
    /// Facebook 0.063 % (2024), Instagram 0.47 % and X 0.035 % (2023). Threads is assumed like
    /// Instagram, Bluesky and Mastodon like X, LinkedIn's rate like Instagram's (no study found).
    static func of(_ network: Network) -> NetworkStudy {
        switch network {
        case .facebook: NetworkStudy(peakHour: 10.5, engagementRate: 0.000_63)
        case .instagram, .threads: NetworkStudy(peakHour: 11, engagementRate: 0.004_7)
        case .linkedin: NetworkStudy(peakHour: 11, engagementRate: 0.004_7)
        default: NetworkStudy(peakHour: 10.5, engagementRate: 0.000_35)
        }
    }

    /// Engagement by ISO weekday relative to midweek. The order is the studies' (Tue–Thu best,
    /// Monday and Friday a little lower, weekends worst); the sizes are assumed.
    static let weekdayFactor: [Int: Double] = [1: 0.95, 2: 1, 3: 1, 4: 1, 5: 0.9, 6: 0.75, 7: 0.7]
}
