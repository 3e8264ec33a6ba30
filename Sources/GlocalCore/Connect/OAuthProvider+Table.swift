import Foundation

extension OAuthProvider {
    /// Every network's flow and scopes, keyed by the network's raw value (docs/networks.md lists the same scopes).
    /// Sources: X "OAuth 2.0 Authorization Code Flow with PKCE"; Mastodon "OAuth" and "apps" methods; Meta's Facebook
    /// Login, Instagram API with Instagram Login and Threads API "Get access tokens"; LinkedIn "Authorization Code
    /// Flow (3-legged OAuth)"; Google "OAuth 2.0 for Web Server Applications"; TikTok "Login Kit for Web";
    /// Pinterest "Authentication"; Bluesky "App passwords" (atproto OAuth needs PAR, DPoP and a public client
    /// metadata document: not used yet).
    public static let table: [String: OAuthProvider] = Dictionary(
        uniqueKeysWithValues: [
            OAuthProvider(
                network: "x", authorizeURL: "https://x.com/i/oauth2/authorize", tokenURL: "https://api.x.com/2/oauth2/token",
                revokeURL: "https://api.x.com/2/oauth2/revoke", identityURL: "https://api.x.com/2/users/me",
                identityField: "data.username",
                scopes: ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"], usesPKCE: true,
                clientAuthentication: .basic),
            OAuthProvider(
                network: "bluesky", flow: .appPassword,
                authorizeURL: "https://bsky.social/xrpc/com.atproto.server.createSession",
                tokenURL: "https://bsky.social/xrpc/com.atproto.server.refreshSession",
                identityURL: "https://bsky.social/xrpc/com.atproto.identity.resolveHandle", identityField: "handle", scopes: []),
            OAuthProvider(
                network: "mastodon", authorizeURL: "{instance}/oauth/authorize", tokenURL: "{instance}/oauth/token",
                revokeURL: "{instance}/oauth/revoke", identityURL: "{instance}/api/v1/accounts/verify_credentials",
                identityField: "username", scopes: ["profile", "read:statuses", "write:statuses", "write:media"],
                usesPKCE: true, registersPerInstance: true),
            OAuthProvider(
                network: "threads", authorizeURL: "https://threads.net/oauth/authorize",
                tokenURL: "https://graph.threads.net/oauth/access_token",
                identityURL: "https://graph.threads.net/v1.0/me?fields=id,username", identityField: "username",
                scopes: ["threads_basic", "threads_content_publish", "threads_manage_insights", "threads_manage_replies"],
                scopeSeparator: ",", longLivedGrant: "th_exchange_token", longLivedURL: "https://graph.threads.net/access_token"),
            OAuthProvider(
                network: "linkedin", authorizeURL: "https://www.linkedin.com/oauth/v2/authorization",
                tokenURL: "https://www.linkedin.com/oauth/v2/accessToken",
                revokeURL: "https://www.linkedin.com/oauth/v2/revoke",
                identityURL:
                    "https://api.linkedin.com/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR"
                    + "&projection=(elements*(organization~(id,vanityName,localizedName)))",
                identityField: "elements.0.organization~.vanityName",
                scopes: ["w_organization_social", "r_organization_social", "rw_organization_admin"]),
            OAuthProvider(
                network: "facebook", authorizeURL: "https://www.facebook.com/v25.0/dialog/oauth",
                tokenURL: "https://graph.facebook.com/v25.0/oauth/access_token",
                identityURL: "https://graph.facebook.com/v25.0/me/accounts?fields=id,name,username,access_token",
                identityField: "data.0.username",
                scopes: ["pages_show_list", "pages_manage_posts", "pages_read_engagement", "business_management"],
                scopeSeparator: ",", longLivedGrant: "fb_exchange_token",
                longLivedURL: "https://graph.facebook.com/v25.0/oauth/access_token"),
            OAuthProvider(
                network: "instagram", authorizeURL: "https://www.instagram.com/oauth/authorize",
                tokenURL: "https://api.instagram.com/oauth/access_token",
                identityURL: "https://graph.instagram.com/v25.0/me?fields=user_id,username", identityField: "username",
                scopes: ["instagram_business_basic", "instagram_business_content_publish", "instagram_business_manage_comments"],
                scopeSeparator: ",", longLivedGrant: "ig_exchange_token",
                longLivedURL: "https://graph.instagram.com/access_token"),
            OAuthProvider(
                network: "youtube", authorizeURL: "https://accounts.google.com/o/oauth2/v2/auth",
                tokenURL: "https://oauth2.googleapis.com/token", revokeURL: "https://oauth2.googleapis.com/revoke",
                identityURL: "https://www.googleapis.com/youtube/v3/channels?part=snippet&mine=true",
                identityField: "items.0.snippet.customUrl",
                scopes: ["https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube.readonly"],
                usesPKCE: true, extraAuthorizeParameters: googleOffline),
            OAuthProvider(
                network: "google_business", authorizeURL: "https://accounts.google.com/o/oauth2/v2/auth",
                tokenURL: "https://oauth2.googleapis.com/token", revokeURL: "https://oauth2.googleapis.com/revoke",
                identityURL: "https://mybusinessaccountmanagement.googleapis.com/v1/accounts",
                identityField: "accounts.0.accountName", scopes: ["https://www.googleapis.com/auth/business.manage"],
                usesPKCE: true, extraAuthorizeParameters: googleOffline),
            OAuthProvider(
                network: "tiktok", authorizeURL: "https://www.tiktok.com/v2/auth/authorize/",
                tokenURL: "https://open.tiktokapis.com/v2/oauth/token/",
                revokeURL: "https://open.tiktokapis.com/v2/oauth/revoke/",
                identityURL: "https://open.tiktokapis.com/v2/user/info/?fields=open_id,username",
                identityField: "data.user.username",
                scopes: ["user.info.basic", "user.info.profile", "video.upload", "video.publish"], scopeSeparator: ",",
                clientIDParameter: "client_key"),
            OAuthProvider(
                network: "pinterest", authorizeURL: "https://www.pinterest.com/oauth/",
                tokenURL: "https://api.pinterest.com/v5/oauth/token", identityURL: "https://api.pinterest.com/v5/user_account",
                identityField: "username", scopes: ["user_accounts:read", "boards:read", "pins:read", "pins:write"],
                scopeSeparator: ",", clientAuthentication: .basic),
        ].map { ($0.network, $0) })

    /// Google's parameters for a refresh token: offline access, and the consent screen each time (else no new one).
    private static let googleOffline = [AuthorizeParameter("access_type", "offline"), AuthorizeParameter("prompt", "consent")]
}
