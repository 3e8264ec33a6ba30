import Foundation

/// Warns where a plan asks more YouTube uploads on one day (midnight to midnight Pacific time, when YouTube's quota
/// resets) than the project's daily `videos.insert` bucket admits (``YouTubeQuota``). The quota belongs to the Google
/// Cloud project of the OAuth client, and glocal connects every YouTube account through one client
/// (`networks.youtube.client_id_env`), so the uploads of all YouTube accounts of the plan count together. The
/// dispatcher's cap holds each account to the bucket; the project-wide excess is refused by YouTube (`quotaExceeded`)
/// and waits for the next Pacific midnight.
public struct YouTubeQuotaPlanCheck: Sendable {
    /// The budget.
    public var quota: YouTubeQuota

    /// A check against `quota`.
    public init(quota: YouTubeQuota = .standard) { self.quota = quota }

    /// One warning per over-budget day, at the first upload of that day.
    public func warnings(_ scheduled: [ScheduledVariant]) -> [Diagnostic] {
        let uploads = scheduled.filter { $0.variant.network == .youtube && $0.slot != nil }
            .sorted { $0.slot!.instant < $1.slot!.instant }
        let byDay = Dictionary(grouping: uploads) { YouTubeQuota.day(of: $0.slot!.instant) }
        return quota.overBudgetDays(uploads.map { $0.slot!.instant }).compactMap { day in
            guard let ofDay = byDay[day.day], let first = ofDay.first else { return nil }
            let accounts = Array(Set(ofDay.map(\.variant.accountID))).sorted()
            let across = accounts.count == 1 ? "youtube/\(accounts[0])" : "youtube (\(accounts.count) accounts)"
            return Diagnostic(
                .warning, .youtubeQuota,
                "\(across): \(day.uploads) uploads planned on \(day.day) (Pacific time), "
                    + "the project's daily quota admits \(quota.uploadsPerDay)",
                at: first.variant.postLocation,
                notes: [
                    "a Google Cloud project may call videos.insert \(quota.uploadsPerDay) times a day, shared by every "
                        + "YouTube account connected through the app's client id (\(accounts.joined(separator: ", "))); "
                        + "the extra uploads wait for the next days' quota",
                    "spread the posts over more days, or ask Google for a higher quota",
                ], network: .youtube, account: accounts.count == 1 ? accounts[0] : nil)
        }
    }
}
