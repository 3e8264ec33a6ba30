/// The allowed range of every number in the workspace format (docs/campaign-format.md, "Numbers and their ranges").
///
/// Decoders check values against these before any arithmetic, so that no input can overflow or make a check's
/// cost depend on a number rather than on the size of the workspace.
public enum NumberRanges {
    /// Years of every date (campaign windows, holidays).
    public static let years: ClosedRange<Int> = 2000...2199
    /// A post's `day`: ten years after the window's start.
    public static let postDay: ClosedRange<Int> = 0...3_650
    /// Days in a campaign window, from `start` to `end` inclusive (day 0 to day 3 650).
    public static let windowDays: ClosedRange<Int> = 1...3_651
    /// An account's `max_characters`.
    public static let maxCharacters: ClosedRange<Int> = 1...1_000_000
    /// `timing.fleet_limit`: posts per network in one fleet bucket.
    public static let fleetLimit: ClosedRange<Int> = 1...10_000
    /// `timing.networks.<network>.max_per_day`.
    public static let maxPerDay: ClosedRange<Int> = 1...1_000
    /// `timing.networks.<network>.max_per_week`.
    public static let maxPerWeek: ClosedRange<Int> = 1...7_000

    /// `approval_deadline` (policy and campaign).
    public static let approvalDeadline = days(0)...days(90)
    /// A post's `after.min_gap`.
    public static let postMinGap = days(0)...days(3_650)
    /// `policy.promotional_share.window`.
    public static let promotionalWindow = days(1)...days(365)
    /// `timing.fleet_bucket`.
    public static let fleetBucket = GlocalDuration(seconds: 60)...days(1)
    /// `timing.network_spacing`.
    public static let networkSpacing = days(0)...days(1)
    /// `timing.networks.<network>.min_gap`.
    public static let timingMinGap = days(0)...days(7)

    /// The longest text a locale string may hold, in UTF-8 bytes. No network takes more than 63 206 characters
    /// (Facebook); a longer string is an error and only its first bytes are checked, so a huge value costs no more than
    /// this for each of the variants that use it.
    public static let maximumTextBytes = 100_000

    /// The longest text, title or link a variant may have once its template is filled in (and a link's UTM
    /// parameters added), in UTF-8 bytes: room for a whole string of ``maximumTextBytes`` with its link and
    /// hashtags, and small enough that checking it stays quick. A city or campaign id of megabytes stops here.
    public static let maximumFilledTextBytes = 262_144

    private static func days(_ count: Int) -> GlocalDuration { GlocalDuration(seconds: count * 86_400) }
}
