import Foundation
import GlocalCore

/// The HTTP calls of one flow: the code exchange, Meta's long-lived exchange, the identity lookup. Errors become
/// refusals that quote the network's `error` code and description, never a token.
struct OAuthTokenRequests: Sendable {
    let provider: OAuthProvider
    let app: OAuthApp
    let instance: URL?
    let transport: any HTTPTransport

    /// `POST token` with `grant_type=authorization_code`, the code, the attempt's redirect URI and PKCE verifier.
    func exchange(code: String, attempt: ConnectAttempt) async -> Result<OAuthGrant, ConnectRefusal> {
        var fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", attempt.redirectURI)]
        if let verifier = attempt.verifier { fields.append(("code_verifier", verifier)) }
        fields.append((provider.clientIDParameter, app.clientID))
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        if let secret = app.clientSecret {
            if provider.clientAuthentication == .basic {
                headers["Authorization"] = "Basic " + Data("\(app.clientID):\(secret)".utf8).base64EncodedString()
            } else {
                fields.append(("client_secret", secret))
            }
        }
        guard let url = URL(string: OAuthProvider.resolve(provider.tokenURL, instance: instance)) else {
            return .failure(.unsupported("the token URL does not parse"))
        }
        let request = HTTPRequest(method: "POST", url: url, headers: headers, body: Data(FormEncoding.encode(fields).utf8))
        return await grant(request, step: "code exchange")
    }

    /// `GET long-lived?grant_type=…` (Meta): the short-lived token for one that lasts 60 days.
    func longLived(_ grant: OAuthGrant) async -> Result<OAuthGrant, ConnectRefusal> {
        guard let grantType = provider.longLivedGrant, let base = provider.longLivedURL, let url = URL(string: base) else {
            return .success(grant)
        }
        var query = [("grant_type", grantType), ("client_secret", app.clientSecret ?? "")]
        if grantType == "fb_exchange_token" {
            query += [("client_id", app.clientID), ("fb_exchange_token", grant.accessToken)]
        } else {
            query.append(("access_token", grant.accessToken))
        }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.percentEncodedQuery = FormEncoding.encode(query)
        guard let full = components?.url else { return .failure(.unsupported("the long-lived token URL does not parse")) }
        switch await self.grant(
            HTTPRequest(method: "GET", url: full, headers: ["Accept": "application/json"]), step: "long-lived token")
        {
        case .success(var long):
            long.scope = long.scope ?? grant.scope
            long.userID = long.userID ?? grant.userID
            return .success(long)
        case .failure(let refusal): return .failure(refusal)
        }
    }

    /// `GET identity` with the new token.
    func identity(token: String) async -> Result<OAuthIdentity, ConnectRefusal> {
        guard let url = URL(string: OAuthProvider.resolve(provider.identityURL, instance: instance)) else {
            return .failure(.unsupported("the identity URL does not parse"))
        }
        let request = HTTPRequest(
            method: "GET", url: url, headers: ["Authorization": "Bearer \(token)", "Accept": "application/json"])
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch {
            return .failure(.exchangeFailed("identity lookup: \((error as? TransportError)?.description ?? "transport error")"))
        }
        guard response.isSuccess else { return .failure(.exchangeFailed("identity lookup: \(Self.reason(response))")) }
        let identity = OAuthIdentity.read(response.body, field: provider.identityField)
        guard !identity.candidates.isEmpty else { return .failure(.exchangeFailed("the network named no account")) }
        return .success(identity)
    }

    private func grant(_ request: HTTPRequest, step: String) async -> Result<OAuthGrant, ConnectRefusal> {
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch {
            return .failure(.exchangeFailed("\(step): \((error as? TransportError)?.description ?? "transport error")"))
        }
        guard response.isSuccess else { return .failure(.exchangeFailed("\(step): \(Self.reason(response))")) }
        guard let grant = OAuthGrant.read(response.body) else {
            return .failure(.exchangeFailed("\(step): the answer has no access token"))
        }
        return .success(grant)
    }

    /// `error: error_description` from an OAuth error answer (Meta: `error.message`), or the status.
    static func reason(_ response: HTTPResponse) -> String {
        let json = JSON(data: response.body)
        if let error = json["error"].string {
            let detail = json["error_description"].string.map { ": \($0)" } ?? ""
            return "\(error)\(detail) (HTTP \(response.status))"
        }
        if let message = json["error"]["message"].string { return "\(message) (HTTP \(response.status))" }
        return "HTTP \(response.status)"
    }
}
