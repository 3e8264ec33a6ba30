import Foundation
import GlocalCore

/// Where one network's authorization server differs from plain RFC 6749 / RFC 7636, as its own docs in shared/specs
/// say: X (`x/fundamentals_authentication_oauth-2-0_*.mdx`) and Mastodon (`mastodon/oauth.md`). A network whose docs
/// there say nothing of OAuth keeps the generic behaviour (`S256` or `plain`, refresh with rotation).
enum OAuthServerRules {
    /// The `code_challenge_method`s the authorization page takes: Mastodon "Must be `S256`, as this is the only code
    /// challenge method that is supported by Mastodon for PKCE"; X "S256 OR plain".
    static func challengeMethods(_ network: Network) -> Set<String> {
        switch network {
        case .mastodon: return ["S256"]
        case .x, .bluesky, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness:
            return ["S256", "plain"]
        }
    }

    /// Whether the token endpoint serves `grant_type=refresh_token`: Mastodon's `grant_types_supported` is
    /// `authorization_code` and `client_credentials` only (its tokens do not expire).
    static func refreshes(_ network: Network) -> Bool {
        switch network {
        case .mastodon: return false
        case .x, .bluesky, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness:
            return true
        }
    }

    /// Whether a code exchange that granted `scopes` answers with a refresh token: never on Mastodon, on X only with
    /// `offline.access` ("If this scope is not passed, we will not generate a refresh token").
    static func issuesRefreshToken(_ network: Network, scopes: [String]?) -> Bool {
        switch network {
        case .mastodon: return false
        case .x: return scopes.map { $0.contains("offline.access") } ?? true
        case .bluesky, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness:
            return true
        }
    }

    /// Whether apps are registered with their redirect URIs and scopes (Mastodon's `POST /api/v1/apps`), which the
    /// authorization page then holds a request to: `redirect_uri` "Must match one of the `redirect_uris` declared
    /// during app registration", `scope` "Must be a subset of `scopes` declared during app registration. If not
    /// provided, defaults to `read`."
    static func checksRegistration(_ network: Network) -> Bool {
        switch network {
        case .mastodon: return true
        case .x, .bluesky, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness:
            return false
        }
    }

    /// Mastodon's token: `{"access_token", "token_type": "Bearer", "scope", "created_at"}` (no refresh token, no
    /// expiry); every other network's as RFC 6749 section 5.1 writes it, `token_type` `bearer`.
    static func tokenType(_ network: Network) -> String {
        switch network {
        case .mastodon: return "Bearer"
        case .x, .bluesky, .threads, .linkedin, .facebook, .instagram, .youtube, .tiktok, .pinterest, .googleBusiness:
            return "bearer"
        }
    }
}
