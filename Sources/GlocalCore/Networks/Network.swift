/// A social network glocal can publish to.
public enum Network: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case x
    case bluesky
    case mastodon
    case threads
    case linkedin
    case facebook
    case instagram
    case youtube
    case tiktok
    case pinterest
    case googleBusiness = "google_business"

    /// The human-readable name used in messages and previews.
    public var displayName: String {
        switch self {
        case .x: return "X"
        case .bluesky: return "Bluesky"
        case .mastodon: return "Mastodon"
        case .threads: return "Threads"
        case .linkedin: return "LinkedIn"
        case .facebook: return "Facebook"
        case .instagram: return "Instagram"
        case .youtube: return "YouTube"
        case .tiktok: return "TikTok"
        case .pinterest: return "Pinterest"
        case .googleBusiness: return "Google Business Profile"
        }
    }

    /// The position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .x: return 0
        case .bluesky: return 1
        case .mastodon: return 2
        case .threads: return 3
        case .linkedin: return 4
        case .facebook: return 5
        case .instagram: return 6
        case .youtube: return 7
        case .tiktok: return 8
        case .pinterest: return 9
        case .googleBusiness: return 10
        }
    }

    /// Orders networks by their declaration order, so output is stable.
    public static func < (lhs: Network, rhs: Network) -> Bool { lhs.ordinal < rhs.ordinal }
}
