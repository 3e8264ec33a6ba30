import GlocalCore

/// What published studies say about a network, as far as they go (docs/scheduling.md, "Simulation"):
/// the local hour engagement peaks at and the median engagement rate per post. Where a network has no
/// study of its own, the value of the network it copies in the default table is assumed.
struct NetworkStudy {
    /// Local hour at the centre of the study's best window.
    var peakHour: Double
    /// Interactions per follower per post (median over brands).
    var engagementRate: Double
    /// Hours after which a post has half of its interactions (its feed decay's half-life, ``FeedArrival``).
    var halfLife: Double

    /// Sprout Social's "best times to post" (2023, local time): Facebook Mon–Thu 08–13, Instagram
    /// Mon–Wed and Fri 09/10–13, LinkedIn Tue–Wed 10–12, X Tue–Fri 09–12 (2021: Tue–Thu 09–11).
    /// Rival IQ's Social Media Industry Benchmark (median engagement rate per post by followers):
    /// Facebook 0.063 % (2024), Instagram 0.47 % and X 0.035 % (2023). Threads is assumed like
    /// Instagram, Bluesky and Mastodon like X, LinkedIn's rate like Instagram's (no study found).
    /// Half-lives (docs/scheduling.md, "Early reading"): X 24 min (Wiselytics), Facebook 80 min (Visibli 2011),
    /// Instagram 1 h (Takumi: half of a post's engagement in its first hour), LinkedIn 24 h (as compiled by
    /// Graffius 2018); Threads assumed like Instagram, Bluesky and Mastodon like X.
    static func of(_ network: Network) -> NetworkStudy {
        switch network {
        case .facebook: NetworkStudy(peakHour: 10.5, engagementRate: 0.000_63, halfLife: 80.0 / 60)
        case .instagram, .threads: NetworkStudy(peakHour: 11, engagementRate: 0.004_7, halfLife: 1)
        case .linkedin: NetworkStudy(peakHour: 11, engagementRate: 0.004_7, halfLife: 24)
        case .x, .bluesky, .mastodon, .youtube, .tiktok, .pinterest, .googleBusiness:
            NetworkStudy(peakHour: 10.5, engagementRate: 0.000_35, halfLife: 0.4)
        }
    }

    /// Engagement by ISO weekday relative to midweek. The order is the studies' (Tue–Thu best,
    /// Monday and Friday a little lower, weekends worst); the sizes are assumed.
    static let weekdayFactor: [Int: Double] = [1: 0.95, 2: 1, 3: 1, 4: 1, 5: 0.9, 6: 0.75, 7: 0.7]
}
