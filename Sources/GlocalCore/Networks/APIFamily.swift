/// A versioned API that one or more networks are published through.
public enum APIFamily: String, Sendable, Hashable, CaseIterable {
    /// LinkedIn's Marketing (Community Management) API: `Linkedin-Version: YYYYMM`.
    case linkedin
    /// Meta's Graph API (Facebook Pages and Instagram): `/vNN.0/` in the path.
    case graph
    /// Threads' Graph API at graph.threads.net: `/v1.0/` in the path.
    case threads
    /// The X API: `/2/` in the path.
    case x
    /// Mastodon's REST API: `/api/v1/` and `/api/v2/` paths.
    case mastodon
    /// Bluesky's XRPC methods, versioned by lexicon rather than by API version.
    case bluesky
    /// The YouTube Data API v3: `/youtube/v3/` and `/upload/youtube/v3/` paths.
    case youtube
    /// TikTok's API v2 (Content Posting, Display): `/v2/` paths.
    case tiktok
    /// Pinterest API v5: `/v5/` in the path.
    case pinterest
    /// Google Business Profile's My Business API v4 (`/v4/` in the path) and Google OAuth.
    case googleBusiness

    /// The family `network` is published through.
    public static func of(_ network: Network) -> APIFamily {
        switch network {
        case .linkedin: return .linkedin
        case .facebook, .instagram: return .graph
        case .threads: return .threads
        case .x: return .x
        case .mastodon: return .mastodon
        case .bluesky: return .bluesky
        case .youtube: return .youtube
        case .tiktok: return .tiktok
        case .pinterest: return .pinterest
        case .googleBusiness: return .googleBusiness
        }
    }

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .linkedin: return "LinkedIn API"
        case .graph: return "Graph API"
        case .threads: return "Threads API"
        case .x: return "X API"
        case .mastodon: return "Mastodon API"
        case .bluesky: return "Bluesky XRPC"
        case .youtube: return "YouTube Data API"
        case .tiktok: return "TikTok API"
        case .pinterest: return "Pinterest API"
        case .googleBusiness: return "Google Business Profile API"
        }
    }
}
