import Foundation

/// Sends an OAuth 2 token request and reads `access_token`, `refresh_token`, `expires_in`.
enum OAuthTokenExchange {
    static func run(
        _ request: HTTPRequest, credentials: AccountCredentials, transport: any HTTPTransport, now: Date
    ) async -> RefreshOutcome {
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch {
            return .transient("token refresh: \((error as? TransportError)?.description ?? "transport error")")
        }
        if let failure = OAuthRefreshClassifier.classify(response) { return failure }
        let json = JSON(data: response.body)
        guard let token = json["access_token"].string, !token.isEmpty else {
            return .transient("token refresh answered without a token")
        }
        return .refreshed(
            credentials.refreshed(
                accessToken: token, refreshToken: json["refresh_token"].string, expiresIn: json["expires_in"].int, now: now))
    }
}
