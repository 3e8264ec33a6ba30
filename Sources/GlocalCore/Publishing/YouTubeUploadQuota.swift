import Foundation

/// YouTube's daily quota as an upload budget: a Google Cloud project gets 10 000 units a day by default (reset at
/// midnight Pacific time) and `videos.insert` costs 1 600 of them, so 6 uploads a day per project
/// (docs/networks.md, YouTube). glocal applies it per account, as a rolling 24-hour ``PublishingCap`` (no stricter
/// than the calendar day), and `glocal plan` warns when a day of the plan needs more uploads than the budget.
public struct YouTubeUploadQuota: Sendable, Equatable {
    /// Units a project may spend per day.
    public var dailyUnits: Int
    /// Units one `videos.insert` costs.
    public var insertCost: Int

    /// YouTube's defaults: 10 000 units, 1 600 per upload.
    public static let standard = YouTubeUploadQuota(dailyUnits: 10_000, insertCost: 1_600)

    /// Creates a quota.
    public init(dailyUnits: Int, insertCost: Int) {
        self.dailyUnits = dailyUnits
        self.insertCost = insertCost
    }

    /// Uploads the quota admits per day (6 by default).
    public var uploadsPerDay: Int { insertCost > 0 ? dailyUnits / insertCost : 0 }

    /// The budget as a publishing cap: `uploadsPerDay` per rolling 24 hours.
    public var cap: PublishingCap { PublishingCap(network: .youtube, limit: uploadsPerDay, window: 86_400) }

    /// The days (in `timeZone`, YouTube's own reset being Pacific midnight) on which `uploads` need more than the budget,
    /// with their count, in date order.
    public func overBudgetDays(_ uploads: [Date], timeZone: TimeZone = TimeZone(identifier: "America/Los_Angeles")!)
        -> [(day: String, uploads: Int)]
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var counts: [String: Int] = [:]
        for instant in uploads {
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            counts[day, default: 0] += 1
        }
        return counts.filter { $0.value > uploadsPerDay }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
