import Foundation
import GlocalCore

/// Where each network's API lives: production hosts, or the local sandbox.
public struct NetworkEndpoints: Sendable {
    /// API base URL per network.
    public var api: [Network: URL]
    /// OAuth token endpoint base per network, where it differs from the API (LinkedIn).
    public var auth: [Network: URL]
    /// Video publish base per network, where it differs from the API (Facebook's `graph-video` host).
    public var video: [Network: URL]
    /// The base for webhook clients (`nil`: each account's `serverURL`).
    public var webhook: URL?
    /// Whether an account's own `serverURL` (Mastodon instance, Bluesky PDS) wins over `api`.
    public var accountServersWin: Bool

    /// Creates endpoints.
    public init(
        api: [Network: URL], auth: [Network: URL] = [:], video: [Network: URL] = [:], webhook: URL? = nil,
        accountServersWin: Bool
    ) {
        self.api = api
        self.auth = auth
        self.video = video
        self.webhook = webhook
        self.accountServersWin = accountServersWin
    }

    /// The real networks. Mastodon has no default: each account names its instance.
    public static let production = NetworkEndpoints(
        api: [
            .x: URL(string: "https://api.x.com")!,
            .bluesky: URL(string: "https://bsky.social")!,
            .threads: URL(string: "https://graph.threads.net")!,
            .linkedin: URL(string: "https://api.linkedin.com")!,
            .facebook: URL(string: "https://graph.facebook.com")!,
            .instagram: URL(string: "https://graph.instagram.com")!,
            .youtube: URL(string: "https://www.googleapis.com")!,
            .tiktok: URL(string: "https://open.tiktokapis.com")!,
            .pinterest: URL(string: "https://api.pinterest.com")!,
            .googleBusiness: URL(string: "https://mybusiness.googleapis.com")!,
        ],
        auth: [
            .linkedin: URL(string: "https://www.linkedin.com")!,
            .youtube: URL(string: "https://oauth2.googleapis.com")!,
            .googleBusiness: URL(string: "https://oauth2.googleapis.com")!,
        ],
        video: [.facebook: URL(string: "https://graph-video.facebook.com")!],
        accountServersWin: true)

    /// Every network at `baseURL/<network>` (e.g. `http://127.0.0.1:8080/bluesky/xrpc/…`), webhooks at `baseURL/webhook`.
    public static func sandbox(baseURL: URL) -> NetworkEndpoints {
        var api: [Network: URL] = [:]
        for network in Network.allCases { api[network] = baseURL.appendingPathComponent(network.rawValue) }
        return NetworkEndpoints(
            api: api, auth: api, webhook: baseURL.appendingPathComponent("webhook"), accountServersWin: false)
    }

    /// The API base for `network` and an account.
    public func apiBase(_ network: Network, credentials: AccountCredentials) -> URL? {
        if accountServersWin, let server = credentials.serverURL { return server }
        return api[network] ?? credentials.serverURL
    }

    /// The base of `network`'s video publishes: its own host where it has one, else the API's (the sandbox's prefix).
    public func videoBase(_ network: Network, credentials: AccountCredentials) -> URL? {
        video[network] ?? apiBase(network, credentials: credentials)
    }

    /// The OAuth base for `network`.
    public func authBase(_ network: Network, credentials: AccountCredentials) -> URL? {
        auth[network] ?? apiBase(network, credentials: credentials)
    }
}
