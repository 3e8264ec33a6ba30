import Foundation

extension Workspace {
    /// The API versions of the networks this workspace's accounts are on that sunset within `warningDays` of
    /// `now`, or already have: what `glocal run` logs at start and `/healthz` and the accounts page show.
    public func apiVersionNotices(at now: Date, warningDays: Int = APIVersionStatus.warningDays) -> [APIVersionNotice] {
        settings.apiVersions.notices(for: accounts.compactMap(\.network), at: now, warningDays: warningDays)
    }
}
