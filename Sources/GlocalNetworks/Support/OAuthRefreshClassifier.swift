/// Maps an OAuth 2 token endpoint's answer (RFC 6749 §5.2) to a refresh failure; `nil` means success.
enum OAuthRefreshClassifier {
    static func classify(_ response: HTTPResponse) -> RefreshOutcome? {
        if response.isSuccess { return nil }
        if let redirect = HTTPRedirect(response) { return .transient("token refresh \(redirect.explanation)") }
        let json = JSON(data: response.body)
        let code = json["error"].string ?? json["code"].string ?? "HTTP \(response.status)"
        switch response.status {
        case 400, 401: return .reconnectRequired("token refresh refused: \(code)")
        default: return .transient("token refresh failed: HTTP \(response.status)")
        }
    }
}
