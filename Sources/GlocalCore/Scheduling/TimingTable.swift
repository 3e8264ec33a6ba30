/// Every network's timing profile plus the fleet-wide rules; `standard` is docs/scheduling.md's default table.
public struct TimingTable: Sendable {
    /// Profiles by network.
    public var profiles: [Network: TimingProfile]
    /// At most this many posts per network in any fleet bucket, across all accounts.
    public var fleetLimit: Int = 5
    /// The length of a fleet bucket.
    public var fleetBucket = GlocalDuration(seconds: 600)
    /// Least time between two networks' variants of one post in the same locale.
    public var networkSpacing = GlocalDuration(seconds: 1800)
    /// Least time between posts of sibling accounts (one network and locale, or one team); 0 turns it off.
    public var siblingGap = GlocalDuration(seconds: 300)

    /// Creates a table.
    public init(profiles: [Network: TimingProfile]) { self.profiles = profiles }

    /// The profile of `network`.
    public func profile(_ network: Network) -> TimingProfile { profiles[network] ?? TimingTable.standard.profiles[network]! }

    /// docs/scheduling.md's defaults, drawn from published studies; a workspace's `timing:` overrides them.
    public static let standard: TimingTable = {
        func w(_ text: String) -> TimeWindow { TimeWindow(text: text)! }
        func hours(_ h: Int) -> GlocalDuration { GlocalDuration(seconds: h * 3600) }
        let xPreferred = [w("Tue-Thu 09:00-15:00"), w("Mon 08:00-17:00"), w("Fri 10:00-15:00")]
        let xAllowed = [w("Sat 11:00-14:00"), w("Sun 14:00-18:00")]
        let instagramPreferred = [w("Mon-Fri 09:00-13:00")]
        var profiles: [Network: TimingProfile] = [:]
        profiles[.facebook] = TimingProfile(
            network: .facebook, preferred: [w("Mon-Fri 08:00-12:00"), w("Wed 15:00-17:00")],
            allowed: [w("Sat 09:00-12:00"), w("Sun 08:00-13:00")], minGap: hours(20), maxPerDay: 1, maxPerWeek: 5)
        profiles[.instagram] = TimingProfile(
            network: .instagram, preferred: instagramPreferred, allowed: [w("daily 05:00-08:00")], minGap: hours(12),
            maxPerDay: 1, maxPerWeek: 5)
        profiles[.x] = TimingProfile(
            network: .x, preferred: xPreferred, allowed: xAllowed, minGap: hours(2), maxPerDay: 4, maxPerWeek: nil)
        profiles[.linkedin] = TimingProfile(
            network: .linkedin, preferred: [w("Tue-Thu 08:00-12:00")], allowed: [w("Mon 10:00-14:00"), w("Fri 08:00-11:00")],
            minGap: hours(20), maxPerDay: 1, maxPerWeek: 5)
        profiles[.tiktok] = TimingProfile(
            network: .tiktok, preferred: [w("Tue-Thu 14:00-18:00")], allowed: [w("Sat,Sun 09:00-13:00")], minGap: hours(4),
            maxPerDay: 2, maxPerWeek: nil)
        profiles[.youtube] = TimingProfile(
            network: .youtube, preferred: [w("Tue-Thu 12:00-16:00")], allowed: [w("daily 09:00-18:00")], minGap: hours(24),
            maxPerDay: 1, maxPerWeek: nil)
        profiles[.threads] = TimingProfile(
            network: .threads, preferred: instagramPreferred, allowed: xAllowed, minGap: hours(2), maxPerDay: 3, maxPerWeek: nil)
        profiles[.bluesky] = TimingProfile(
            network: .bluesky, preferred: xPreferred, allowed: xAllowed, minGap: hours(1), maxPerDay: 5, maxPerWeek: nil)
        profiles[.mastodon] = TimingProfile(
            network: .mastodon, preferred: xPreferred, allowed: xAllowed, minGap: hours(1), maxPerDay: 4, maxPerWeek: nil)
        profiles[.pinterest] = TimingProfile(
            network: .pinterest, preferred: [w("Fri-Sun 20:00-22:00")], allowed: [w("daily 12:00-21:00")], minGap: hours(4),
            maxPerDay: 3, maxPerWeek: nil)
        profiles[.googleBusiness] = TimingProfile(
            network: .googleBusiness, preferred: [w("Mon-Fri 09:00-11:00")], allowed: [w("Mon-Sat 08:00-18:00")],
            minGap: hours(20), maxPerDay: 1, maxPerWeek: nil)
        return TimingTable(profiles: profiles)
    }()
}
