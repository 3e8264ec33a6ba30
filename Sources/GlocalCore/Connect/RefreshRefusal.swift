import Foundation

/// What a token endpoint's refusal of a refresh means, said in plain words from its OAuth `error` (RFC 6749
/// section 5.2): which credential was refused, and that a person reconnects the account (a refresh refused is never
/// retried). The network's `error_description` is not repeated: glocal's words say the same without quoting a request.
public enum RefreshRefusal {
    /// The reason for a refusal with `error` (`nil`: the answer named none) and HTTP `status`.
    public static func reason(error: String?, status: Int) -> String {
        let reconnect = "reconnect the account (Reconnect on the accounts page, or glocal account connect)"
        switch error {
        case "invalid_grant":
            return "the refresh token was refused as expired, revoked or already used (invalid_grant): \(reconnect)"
        case "invalid_client", "unauthorized_client":
            return "the app's client id or secret stored with the account was refused (\(error ?? "")): "
                + "\(reconnect) to store the app's current ones"
        case "invalid_scope":
            return "the refresh asked for more than the account granted (invalid_scope): \(reconnect)"
        case "invalid_request":
            // X answers a spent, revoked or unknown refresh token so.
            return "the refresh token or request was refused as invalid (invalid_request): \(reconnect)"
        case .some(let other):
            return "the token endpoint refused the refresh (\(other), HTTP \(status)): \(reconnect)"
        case .none:
            return "the token endpoint refused the refresh (HTTP \(status)): \(reconnect)"
        }
    }
}
