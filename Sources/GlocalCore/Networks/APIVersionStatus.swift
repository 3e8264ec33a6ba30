import Foundation

/// Where a version stands at an instant: served, about to stop being served, or no longer served.
public enum APIVersionStatus: Sendable, Equatable {
    /// Not released yet: the network answers as for a version that does not exist.
    case unreleased
    /// Served, with no sunset within the warning window (or none published).
    case current
    /// Served, but the sunset is within the warning window: `days` whole or partial days remain.
    case sunsetsSoon(days: Int)
    /// No longer served: every call with it is refused.
    case sunset

    /// The days before a sunset from which glocal warns (`glocal run`, `/healthz`, the accounts page).
    public static let warningDays = 60

    /// The status of `version` at `now`, warning `warningDays` ahead of its sunset.
    public static func of(_ version: APIVersion, at now: Date, warningDays: Int = APIVersionStatus.warningDays)
        -> APIVersionStatus
    {
        if let released = version.released,
            now.timeIntervalSince1970 < Double(released.daysSinceEpoch) * 86_400
        {
            return .unreleased
        }
        guard let sunset = version.sunsetInstant else { return .current }
        let remaining = sunset.timeIntervalSince(now)
        if remaining <= 0 { return .sunset }
        let days = Int((remaining / 86_400).rounded(.up))
        return days <= warningDays ? .sunsetsSoon(days: days) : .current
    }
}
