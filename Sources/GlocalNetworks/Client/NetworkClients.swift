import GlocalCore

/// Chooses the client of each network.
public enum NetworkClients {
    /// The networks with a native client.
    public static let supported: [Network] = [
        .x, .bluesky, .mastodon, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness,
    ]

    /// The native client of `network`, or `nil` for a network without one (use a ``WebhookClient``).
    public static func client(for network: Network, environment: ClientEnvironment) -> (any NetworkClient)? {
        switch network {
        case .x: return XClient(environment: environment)
        case .bluesky: return BlueskyClient(environment: environment)
        case .mastodon: return MastodonClient(environment: environment)
        case .threads: return ThreadsClient(environment: environment)
        case .linkedin: return LinkedInClient(environment: environment)
        case .facebook: return FacebookClient(environment: environment)
        case .instagram: return InstagramClient(environment: environment)
        case .youtube: return YouTubeClient(environment: environment)
        case .tiktok: return TikTokClient(environment: environment)
        case .pinterest: return PinterestClient(environment: environment)
        case .googleBusiness: return GoogleBusinessClient(environment: environment)
        }
    }
}
