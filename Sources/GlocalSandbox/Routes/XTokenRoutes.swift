import Foundation
import Hummingbird

/// X's OAuth 2.0 token endpoint in the sandbox, `POST /2/oauth2/token` as X's "OAuth 2.0 Authorization Code Flow with
/// PKCE" describes it: the code exchange (`grant_type=authorization_code`, `code`, `redirect_uri`, `code_verifier`;
/// a public client names its `client_id`, a confidential one authenticates with HTTP Basic), on the codes of the
/// sandbox's X authorize page (the book ``OAuthRoutes`` keeps), and the refresh, rotating: a refresh token serves once;
/// and `POST /2/oauth2/revoke`. Spent and revoked tokens are the generic route's too.
struct XTokenRoutes: Sendable {
    let gate: SandboxGate
    let book: OAuthGrantBook

    /// X's 401 for a token request without a client it knows.
    static func unauthorizedClient() -> Response {
        SandboxReply.json(401, ["error": "unauthorized_client", "error_description": "Missing valid authorization header"])
    }

    /// X's 400 for a code exchange it refuses. The code's and the verifier's wordings are X's answers as integrators
    /// quote them; the redirect URI's is the sandbox's, in the same style.
    static func refusal(_ refusal: OAuthGrantBook.Refusal) -> Response {
        let description =
            switch refusal {
            case .unknownCode, .expired, .otherClient: "Value passed for the authorization code was invalid."
            case .otherRedirect: "Value passed for the redirect uri did not match the uri of the authorization code."
            case .wrongVerifier: "Value passed for the code verifier did not match the code challenge."
            }
        return SandboxReply.json(400, ["error": "invalid_request", "error_description": description])
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("x/2/oauth2/token") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            if call.form["grant_type"] == "authorization_code" { return await exchange(call) }
            let token = call.form["refresh_token"] ?? ""
            let name = String(token.split(separator: "~").first ?? "")
            let account = SandboxIdentity.numericID(name, digits: 19)
            if let refusal = await gate.before(call, account: account, refresh: true) { return refusal }
            let client: String
            if let basic = call.basicCredentials {
                client = basic.id
            } else if let id = call.form["client_id"], !id.isEmpty {
                client = id
            } else {
                return Self.unauthorizedClient()
            }
            guard call.form["grant_type"] == "refresh_token", !token.isEmpty else { return gate.dialect.refreshRefused() }
            // A token the sandbox issued serves only the client it was issued to (HTTP Basic with that client's
            // secret, or its `client_id`); a `name~…` token it never issued stands for that account with any client.
            let grant = await book.grant(ofRefresh: token)
            if let grant {
                let secret = call.basicCredentials?.secret
                guard await book.knows(clientID: client, secret: secret) else { return Self.unauthorizedClient() }
                guard grant.clientID == client else { return gate.dialect.refreshRefused() }
            }
            // One record of spent and revoked tokens for both token routes: a token revoked, or rotated on either, is
            // refused on both.
            guard !(await book.isRevoked(token)), await gate.state.spendRefreshToken(token, network: "x") else {
                return gate.dialect.refreshRefused()
            }
            await book.revoke(token)
            // The book numbers every pair, the code exchange's too: a new token is never one already spent. The new
            // pair keeps the grant's client and scopes.
            let pair = await book.tokens(account: name, grant: grant)
            let scopes = grant?.scopes ?? ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"]
            return SandboxReply.json(
                200,
                [
                    "token_type": "bearer", "expires_in": 7200, "access_token": pair.access, "refresh_token": pair.refresh,
                    "scope": scopes.joined(separator: " "),
                ])
        }
        // X's revoke (`POST /2/oauth2/revoke`): `token` (access or refresh) and the client, named (`client_id`) or
        // authenticated (HTTP Basic); the token is refused everywhere from then on.
        router.post("x/2/oauth2/revoke") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            if let basic = call.basicCredentials {
                guard await book.knows(clientID: basic.id, secret: basic.secret) else { return Self.unauthorizedClient() }
            } else {
                guard let id = call.form["client_id"], !id.isEmpty, await book.knows(clientID: id, secret: nil) else {
                    return Self.unauthorizedClient()
                }
            }
            guard let token = call.form["token"], !token.isEmpty else {
                return SandboxReply.json(
                    400, ["error": "invalid_request", "error_description": "Missing required parameter [token]."])
            }
            await book.revoke(token)
            _ = await gate.state.spendRefreshToken(token, network: "x")
            await gate.state.revokeAccessToken(token, network: "x")
            return SandboxReply.json(200, ["revoked": true])
        }
    }

    /// `grant_type=authorization_code`: the client (HTTP Basic with its secret, else a known `client_id`), then the
    /// code's checks; the answer carries a refresh token only when `offline.access` was granted.
    private func exchange(_ call: SandboxCall) async -> Response {
        let form = call.form
        let client: String
        if let basic = call.basicCredentials {
            guard await book.knows(clientID: basic.id, secret: basic.secret) else { return Self.unauthorizedClient() }
            client = basic.id
        } else {
            guard let id = form["client_id"], !id.isEmpty, await book.knows(clientID: id, secret: nil) else {
                return Self.unauthorizedClient()
            }
            client = id
        }
        // Faults name accounts by user id: the code's, before the exchange takes it.
        var owner = ""
        if let code = form["code"], let grant = await book.peek(code: code) { owner = grant.account }
        if let refusal = await gate.before(call, account: SandboxIdentity.numericID(owner, digits: 19), refresh: true) {
            return refusal
        }
        let redeemed = await book.redeem(
            code: form["code"], network: "x", clientID: client, redirectURI: form["redirect_uri"],
            verifier: form["code_verifier"], now: await gate.state.now(), lifetime: OAuthRoutes.codeLifetime("x"))
        switch redeemed {
        case .failure(let refusal): return Self.refusal(refusal)
        case .success(let grant):
            let pair = await book.tokens(account: grant.account, grant: .init(clientID: client, scopes: grant.scopes))
            var answer: [String: Any] = [
                "token_type": "bearer", "expires_in": OAuthRoutes.tokenLifetime("x") ?? 7200, "access_token": pair.access,
                "scope": grant.scopes.joined(separator: " "),
            ]
            if grant.scopes.contains("offline.access") { answer["refresh_token"] = pair.refresh }
            return SandboxReply.json(200, answer)
        }
    }
}
