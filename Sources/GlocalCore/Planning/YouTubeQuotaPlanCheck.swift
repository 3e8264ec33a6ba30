import Foundation

/// Warns where a plan asks more YouTube uploads of one account on one day (midnight to midnight Pacific time, when
/// YouTube's quota resets) than the project's daily quota admits: the dispatcher would hold the extra ones back to
/// the next days (``YouTubeUploadQuota``). glocal takes each account to be its own Google Cloud project.
public struct YouTubeQuotaPlanCheck: Sendable {
    /// The budget.
    public var quota: YouTubeUploadQuota

    /// A check against `quota`.
    public init(quota: YouTubeUploadQuota = .standard) { self.quota = quota }

    /// One warning per account and over-budget day, at the first post of that day's uploads.
    public func warnings(_ scheduled: [ScheduledVariant]) -> [Diagnostic] {
        var byAccount: [String: [ScheduledVariant]] = [:]
        for entry in scheduled where entry.variant.network == .youtube && entry.slot != nil {
            byAccount[entry.variant.accountID, default: []].append(entry)
        }
        var diagnostics: [Diagnostic] = []
        for (account, entries) in byAccount.sorted(by: { $0.key < $1.key }) {
            let sorted = entries.sorted { $0.slot!.instant < $1.slot!.instant }
            for day in quota.overBudgetDays(sorted.map { $0.slot!.instant }) {
                let first = sorted.first { Self.pacificDay($0.slot!.instant) == day.day } ?? sorted[0]
                diagnostics.append(
                    Diagnostic(
                        .warning, .youtubeQuota,
                        "youtube/\(account): \(day.uploads) uploads planned on \(day.day) (Pacific time), "
                            + "the daily quota admits \(quota.uploadsPerDay)",
                        at: first.variant.postLocation,
                        notes: [
                            "a project has \(quota.dailyUnits) units a day and videos.insert costs \(quota.insertCost); "
                                + "the extra uploads wait for the next days' quota",
                            "spread the posts over more days, or ask Google for a higher quota",
                        ], network: .youtube, account: account))
            }
        }
        return diagnostics
    }

    static func pacificDay(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Los_Angeles")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
