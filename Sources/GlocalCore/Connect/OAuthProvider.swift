import Foundation

/// How glocal obtains one network's tokens: its authorization endpoints, the scopes glocal asks for, and the details of
/// its flow (PKCE, how the app authenticates, a long-lived token exchange). URLs are the production ones; a Mastodon
/// provider's URLs hold `{instance}` for the account's own server. The sandbox serves the same flow under
/// `<sandbox>/<network>/oauth/…`.
public struct OAuthProvider: Sendable, Equatable {
    /// How a person grants glocal access.
    public enum Flow: String, Sendable, Equatable {
        /// OAuth 2.0 authorization code: the network's sign-in page, then a redirect to glocal's callback.
        case authorizationCode = "authorization code"
        /// A password made for one app (Bluesky's app passwords), exchanged for a session on the account's PDS.
        case appPassword = "app password"
    }

    /// How the app proves itself at the token endpoint.
    public enum ClientAuthentication: String, Sendable, Equatable {
        /// HTTP Basic with the client id and secret.
        case basic
        /// `client_id` and `client_secret` form fields.
        case body
    }

    /// The network's raw value (`x`, `mastodon`, `google_business`…).
    public var network: String
    /// The flow.
    public var flow: Flow
    /// The authorization page.
    public var authorizeURL: String
    /// The token endpoint (code exchange and refresh).
    public var tokenURL: String
    /// The revocation endpoint, if the network has one.
    public var revokeURL: String?
    /// Where the connected identity is read, and the path of its handle in the JSON answer (`data.username`).
    public var identityURL: String
    /// The dotted path of the handle in the identity answer (numbers index arrays).
    public var identityField: String
    /// The scopes glocal asks for and needs: a grant missing one of them is refused.
    public var scopes: [String]
    /// How the scopes are joined in the authorization URL (space, or comma for Meta, TikTok and Pinterest).
    public var scopeSeparator: String
    /// Whether the flow uses PKCE (S256).
    public var usesPKCE: Bool
    /// How the app authenticates at the token endpoint.
    public var clientAuthentication: ClientAuthentication
    /// The name of the client id parameter (`client_id`; TikTok: `client_key`).
    public var clientIDParameter: String
    /// More authorization parameters (Google: `access_type=offline`, `prompt=consent`), in order.
    public var extraAuthorizeParameters: [AuthorizeParameter]
    /// The `grant_type` that turns a short-lived token into a long-lived one (Meta), if the network needs it.
    public var longLivedGrant: String?
    /// Where the long-lived exchange is made (`GET`, Meta's `…/access_token`).
    public var longLivedURL: String?
    /// The app is registered on each instance (`POST /api/v1/apps`) rather than once (Mastodon).
    public var registersPerInstance: Bool

    /// One extra query parameter of the authorization URL.
    public struct AuthorizeParameter: Sendable, Equatable {
        /// The name.
        public var name: String
        /// The value.
        public var value: String

        /// Creates a parameter.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a provider; the defaults are plain OAuth 2.0 with space-separated scopes and body authentication.
    public init(
        network: String, flow: Flow = .authorizationCode, authorizeURL: String, tokenURL: String, revokeURL: String? = nil,
        identityURL: String, identityField: String, scopes: [String], scopeSeparator: String = " ", usesPKCE: Bool = false,
        clientAuthentication: ClientAuthentication = .body, clientIDParameter: String = "client_id",
        extraAuthorizeParameters: [AuthorizeParameter] = [], longLivedGrant: String? = nil, longLivedURL: String? = nil,
        registersPerInstance: Bool = false
    ) {
        self.network = network
        self.flow = flow
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.revokeURL = revokeURL
        self.identityURL = identityURL
        self.identityField = identityField
        self.scopes = scopes
        self.scopeSeparator = scopeSeparator
        self.usesPKCE = usesPKCE
        self.clientAuthentication = clientAuthentication
        self.clientIDParameter = clientIDParameter
        self.extraAuthorizeParameters = extraAuthorizeParameters
        self.longLivedGrant = longLivedGrant
        self.longLivedURL = longLivedURL
        self.registersPerInstance = registersPerInstance
    }

    /// The provider of `network`, or `nil` when glocal knows no flow for it.
    public static func of(_ network: Network) -> OAuthProvider? { table[network.rawValue] }

    /// The same flow served by the sandbox at `base/<network>/oauth/…` (identity at `…/oauth/me`, field `username`;
    /// Mastodon's app is registered on the sandbox's instance, `base/mastodon`).
    public func inSandbox(_ base: URL) -> OAuthProvider {
        var sandboxed = self
        let root = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        let prefix = "\(root)/\(network)/oauth"
        sandboxed.authorizeURL = prefix + "/authorize"
        sandboxed.tokenURL = prefix + "/token"
        sandboxed.revokeURL = prefix + "/revoke"
        sandboxed.identityURL = prefix + "/me"
        sandboxed.longLivedURL = longLivedGrant == nil ? nil : prefix + "/token"
        sandboxed.identityField = "username"
        if network == "x" {
            // X's own token and revoke paths, which the sandbox serves as X does (the generic ones work as well).
            sandboxed.tokenURL = root + "/x/2/oauth2/token"
            sandboxed.revokeURL = root + "/x/2/oauth2/revoke"
        }
        return sandboxed
    }

    /// `url` with `{instance}` replaced by the instance's base URL (no trailing slash).
    public static func resolve(_ url: String, instance: URL?) -> String {
        guard url.contains("{instance}") else { return url }
        var base = instance?.absoluteString ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        return url.replacingOccurrences(of: "{instance}", with: base)
    }
}
