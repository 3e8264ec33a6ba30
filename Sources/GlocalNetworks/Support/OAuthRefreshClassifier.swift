import GlocalCore

/// Maps an OAuth 2 token endpoint's answer (RFC 6749 §5.2) to a refresh failure; `nil` means success. A 400 or 401
/// needs a reconnect, worded by ``RefreshRefusal``.
enum OAuthRefreshClassifier {
    static func classify(_ response: HTTPResponse) -> RefreshOutcome? {
        if response.isSuccess { return nil }
        if let redirect = HTTPRedirect(response) { return .transient("token refresh \(redirect.explanation)") }
        let json = JSON(data: response.body)
        let code = json["error"].string ?? json["code"].string
        switch response.status {
        case 400, 401: return .reconnectRequired(RefreshRefusal.reason(error: code, status: response.status))
        default: return .transient("token refresh failed: HTTP \(response.status)")
        }
    }
}
