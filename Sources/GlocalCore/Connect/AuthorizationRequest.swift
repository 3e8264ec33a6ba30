import Foundation

/// The URL that sends a person to a network's authorization page, built from its provider, the app's client id, the
/// attempt's state, redirect URI and PKCE challenge.
public enum AuthorizationRequest {
    /// The authorization URL, or `nil` when the provider's URL does not parse.
    public static func url(
        provider: OAuthProvider, clientID: String, attempt: ConnectAttempt, loginHint: String? = nil
    ) -> URL? {
        let base = OAuthProvider.resolve(provider.authorizeURL, instance: attempt.instance)
        guard var components = URLComponents(string: base) else { return nil }
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "response_type", value: "code"))
        items.append(URLQueryItem(name: provider.clientIDParameter, value: clientID))
        items.append(URLQueryItem(name: "redirect_uri", value: attempt.redirectURI))
        items.append(URLQueryItem(name: "scope", value: provider.scopes.joined(separator: provider.scopeSeparator)))
        items.append(URLQueryItem(name: "state", value: attempt.state))
        if provider.usesPKCE, let verifier = attempt.verifier {
            items.append(URLQueryItem(name: "code_challenge", value: PKCE.challenge(of: verifier)))
            items.append(URLQueryItem(name: "code_challenge_method", value: "S256"))
        }
        for parameter in provider.extraAuthorizeParameters {
            items.append(URLQueryItem(name: parameter.name, value: parameter.value))
        }
        if let loginHint { items.append(URLQueryItem(name: "login_hint", value: loginHint)) }
        components.percentEncodedQuery = items.map { "\(encode($0.name))=\(encode($0.value ?? ""))" }.joined(separator: "&")
        return components.url
    }

    /// RFC 3986 unreserved characters kept, everything else percent-encoded (a space is `%20`, a comma `%2C`).
    public static func encode(_ text: String) -> String { PercentEncoding.component(text) }
}
