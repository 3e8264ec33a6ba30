import Foundation

/// Sends a Graph token refresh (`refresh_access_token`, `fb_exchange_token`) and keeps what it does not return.
enum GraphTokenRefresh {
    static func run(
        _ request: HTTPRequest, credentials: AccountCredentials, transport: any HTTPTransport, now: Date,
        classify: (HTTPResponse) -> PublishOutcome?
    ) async -> RefreshOutcome {
        let api = APICaller(transport: transport, secrets: credentials.secrets)
        do {
            let response = try await api.send(request, mutates: false, classify: classify)
            let json = try api.json(response, mutated: false)
            guard let token = json["access_token"].string, !token.isEmpty else { return .transient("refresh gave no token") }
            return .refreshed(
                credentials.refreshed(accessToken: token, refreshToken: nil, expiresIn: json["expires_in"].int, now: now))
        } catch {
            if case .reconnectRequired(let reason) = error.outcome { return .reconnectRequired(reason) }
            return .transient(error.outcome.description)
        }
    }

    /// `GET {base}/refresh_access_token?grant_type=…&access_token=…` (Instagram and Threads long-lived tokens).
    static func longLived(
        base: URL, grantType: String, credentials: AccountCredentials, transport: any HTTPTransport, now: Date,
        classify: (HTTPResponse) -> PublishOutcome?
    ) async -> RefreshOutcome {
        let url = FormEncoding.url(
            base, path: "/refresh_access_token", query: [("grant_type", grantType), ("access_token", credentials.accessToken)])
        return await run(
            HTTPRequest(method: "GET", url: url), credentials: credentials, transport: transport, now: now, classify: classify)
    }
}
