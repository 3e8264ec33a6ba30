import Foundation

/// YouTube Data API's default daily quota of a Google Cloud project, as documented today (*Quota calculator*,
/// https://developers.google.com/youtube/v3/determine_quota_cost): 100 `videos.insert` calls and 100 `search.list`
/// calls, each in a bucket of its own at 1 per call, and 10 000 units for all other methods at each method's cost;
/// every bucket resets at midnight Pacific time. glocal's YouTube publishing cap is the upload bucket, applied per
/// account as a rolling 24 hours (no stricter than the calendar day); `glocal plan` counts a Pacific day's uploads of
/// all YouTube accounts against it (docs/networks.md, YouTube).
public struct YouTubeQuota: Sendable, Equatable {
    /// `videos.insert` calls a project may make per day.
    public var uploadsPerDay: Int
    /// `search.list` calls a project may make per day.
    public var searchesPerDay: Int
    /// Units a project may spend per day on every other method.
    public var dailyUnits: Int

    /// YouTube's defaults: 100 uploads, 100 searches, 10 000 units.
    public static let standard = YouTubeQuota(uploadsPerDay: 100, searchesPerDay: 100, dailyUnits: 10_000)

    /// The time zone whose midnight resets the quota.
    public static let resetTimeZone = TimeZone(identifier: "America/Los_Angeles")!

    /// Creates a quota.
    public init(uploadsPerDay: Int, searchesPerDay: Int, dailyUnits: Int) {
        self.uploadsPerDay = uploadsPerDay
        self.searchesPerDay = searchesPerDay
        self.dailyUnits = dailyUnits
    }

    /// What `bucket` holds per day.
    public func limit(of bucket: YouTubeQuotaBucket) -> Int {
        switch bucket {
        case .uploads: return uploadsPerDay
        case .searches: return searchesPerDay
        case .units: return dailyUnits
        }
    }

    /// The upload bucket as a publishing cap: `uploadsPerDay` per rolling 24 hours.
    public var cap: PublishingCap { PublishingCap(network: .youtube, limit: uploadsPerDay, window: 86_400) }

    /// The day of `instant` in `timeZone` (the quota's Pacific day unless told), as `yyyy-MM-dd`.
    public static func day(of instant: Date, in timeZone: TimeZone = resetTimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The days (in `timeZone`, YouTube's own reset being Pacific midnight) on which `uploads` need more than the upload
    /// bucket, with their count, in date order.
    public func overBudgetDays(_ uploads: [Date], timeZone: TimeZone = resetTimeZone) -> [(day: String, uploads: Int)] {
        var counts: [String: Int] = [:]
        for instant in uploads { counts[Self.day(of: instant, in: timeZone), default: 0] += 1 }
        return counts.filter { $0.value > uploadsPerDay }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
