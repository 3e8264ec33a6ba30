import Foundation
import GlocalCore
import Hummingbird

/// Every network's authorization server, at `<network>/oauth/authorize` (a page with an account chooser, the
/// permissions and Approve / Deny), `…/token` (authorization code with PKCE S256 and the exact redirect URI, refresh
/// with rotation, Meta's long-lived exchanges), `…/revoke` and `…/me` (who a token stands for); Mastodon's
/// `POST /api/v1/apps` (JSON or form data); Bluesky's handle resolution, DID documents and app-password sessions.
/// Codes serve once and expire on the sandbox's clock (X: 30 seconds, as its docs say; others: 10 minutes).
struct OAuthRoutes {
    let state: SandboxState
    /// The codes, apps and tokens, shared with X's own token endpoint (``XTokenRoutes``).
    let book: OAuthGrantBook

    /// The networks served: every one glocal knows a flow for.
    static var networks: [String] { OAuthProvider.table.keys.sorted() }

    /// How long a code lives before its exchange.
    static func codeLifetime(_ network: String) -> TimeInterval { network == "x" ? 30 : 600 }

    /// How long an access token lives (`nil`: it does not expire, as on Mastodon).
    static func tokenLifetime(_ network: String) -> Int? {
        guard let known = Network(rawValue: network) else { return 3_600 }
        switch known {
        case .x: return 7_200
        case .mastodon: return nil
        case .linkedin: return 5_184_000
        case .youtube, .googleBusiness: return 3_599
        case .tiktok: return 86_400
        case .pinterest: return 2_592_000
        // Bluesky signs in with an app password; its OAuth route here is only the generic one.
        case .facebook, .instagram, .threads, .bluesky: return 3_600
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        for network in Self.networks {
            router.get("\(network)/oauth/authorize") { request, _ -> Response in
                try await authorizePage(network: network, request)
            }
            router.post("\(network)/oauth/authorize") { request, _ -> Response in
                try await decide(network: network, request)
            }
            router.post("\(network)/oauth/token") { request, _ -> Response in try await token(network: network, request) }
            router.get("\(network)/oauth/token") { request, _ -> Response in try await token(network: network, request) }
            router.post("\(network)/oauth/revoke") { request, _ -> Response in
                try await revoke(network: network, request)
            }
            router.get("\(network)/oauth/me") { request, _ -> Response in
                let call = try await SandboxCall.read(request)
                guard let token = call.bearer, let name = call.tokenAccount, !(await book.isRevoked(token)) else {
                    return SandboxReply.json(401, ["error": "invalid_token", "error_description": "The access token is invalid"])
                }
                return SandboxReply.json(
                    200, ["id": SandboxIdentity.numericID(name, digits: 17), "username": name, "name": name])
            }
        }
        router.post("mastodon/api/v1/apps") { request, _ -> Response in
            let call = try await SandboxCall.read(request)
            // Mastodon reads form data as well as JSON (and the query string).
            let json = call.json
            let fields: [String: Any] = json.isEmpty ? call.form : json
            let name = fields["client_name"] as? String ?? ""
            // One string (form data, or JSON with URIs apart by new lines) or a JSON array.
            let redirects =
                (fields["redirect_uris"] as? [String])
                ?? (fields["redirect_uris"] as? String)?.split(separator: "\n").map(String.init) ?? []
            let blank = [(name.isEmpty, "Application name"), (redirects.isEmpty, "Redirect URI")].filter(\.0).map(\.1)
            guard blank.isEmpty else {
                let reasons = blank.map { "\($0) can't be blank" }.joined(separator: ", ")
                return SandboxReply.json(422, ["error": "Validation failed: \(reasons)"])
            }
            let scopes = (fields["scopes"] as? String ?? "read").split(separator: " ").map(String.init)
            let app = await book.register(.init(redirectURIs: redirects, scopes: scopes))
            return SandboxReply.json(
                200,
                [
                    "id": app.id, "name": name, "client_id": app.id, "client_secret": app.secret,
                    "redirect_uri": redirects.joined(separator: "\n"), "redirect_uris": redirects, "scopes": scopes,
                ])
        }
        OAuthBlueskyRoutes(book: book).register(on: router)
    }

    /// `GET authorize`: the page, or an error page for a request that cannot be answered by redirect.
    private func authorizePage(network: String, _ request: Request) async throws -> Response {
        let call = try await SandboxCall.read(request)
        let clientKey = network == "tiktok" ? "client_key" : "client_id"
        guard let client = call.query[clientKey], await book.knows(clientID: client, secret: nil) else {
            return html(400, OAuthAuthorizePage.error("Unknown \(clientKey) '\(call.query[clientKey] ?? "")'."))
        }
        guard let redirect = call.query["redirect_uri"], URL(string: redirect)?.scheme != nil else {
            return html(400, OAuthAuthorizePage.error("redirect_uri is missing or not a URL."))
        }
        if let refusal = await refusal(network: network, client: client, redirect: redirect, fields: call.query) {
            return refusal
        }
        var fields = call.query
        fields["login_hint"] = nil
        return html(
            200,
            OAuthAuthorizePage.render(
                network: network, fields: fields, scopes: Self.requestedScopes(network, fields: call.query),
                hint: call.query["login_hint"]))
    }

    /// The scopes an authorization request asks for; Mastodon's default, when it names none, is `read`.
    static func requestedScopes(_ network: String, fields: [String: String]) -> [String] {
        let scopes = ScopeCheck.parse(fields["scope"] ?? "")
        return scopes.isEmpty && network == Network.mastodon.rawValue ? ["read"] : scopes
    }

    /// Why an authorization request from a known client with a URL as redirect URI cannot be approved, if it cannot:
    /// a redirect URI the app did not register (an error page, never a redirect, as RFC 6749 section 4.1.2.1 says),
    /// another response type, a missing challenge on X, a challenge method the network does not take, a scope the app
    /// did not register (each a redirect carrying the error).
    private func refusal(network: String, client: String, redirect: String, fields: [String: String]) async -> Response? {
        let known = Network(rawValue: network)
        let registration = known.map(OAuthServerRules.checksRegistration) == true ? await book.registration(of: client) : nil
        if let registration, !registration.redirectURIs.contains(redirect) {
            return html(400, OAuthAuthorizePage.error("The redirect uri included is not valid."))
        }
        let state = fields["state"]
        guard fields["response_type"] == "code" else {
            return redirectBack(redirect, ["error": "unsupported_response_type"], state: state)
        }
        if network == "x", fields["code_challenge"] == nil {
            return redirectBack(
                redirect, ["error": "invalid_request", "error_description": "code_challenge is required"], state: state)
        }
        // RFC 7636 section 4.3: a challenge without a method is `plain`.
        let method = fields["code_challenge_method"] ?? "plain"
        if fields["code_challenge"] != nil, let known, !OAuthServerRules.challengeMethods(known).contains(method) {
            return redirectBack(
                redirect,
                [
                    "error": "invalid_request",
                    "error_description": "code_challenge_method '\(method)' is not supported; use "
                        + OAuthServerRules.challengeMethods(known).sorted().joined(separator: " or "),
                ], state: state)
        }
        if let registration {
            let extra = Self.requestedScopes(network, fields: fields).filter { !registration.scopes.contains($0) }
            if !extra.isEmpty {
                return redirectBack(
                    redirect,
                    [
                        "error": "invalid_scope",
                        "error_description": "The requested scope is invalid, unknown, or malformed.",
                    ], state: state)
            }
        }
        return nil
    }

    /// `POST authorize`: Deny redirects with `access_denied`; Approve with a code for the chosen account and the
    /// permissions left ticked.
    private func decide(network: String, _ request: Request) async throws -> Response {
        let call = try await SandboxCall.read(request)
        let pairs = Self.pairs(call.bodyText)
        let form = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        let clientKey = network == "tiktok" ? "client_key" : "client_id"
        guard let client = form[clientKey], await book.knows(clientID: client, secret: nil), let redirect = form["redirect_uri"]
        else {
            return html(400, OAuthAuthorizePage.error("The form lost its client or redirect_uri."))
        }
        if let refusal = await refusal(network: network, client: client, redirect: redirect, fields: form) { return refusal }
        guard form["decision"] == "approve" else {
            return redirectBack(
                redirect, ["error": "access_denied", "error_description": "The user denied the request"], state: form["state"])
        }
        let typed = (form["other"] ?? "").trimmingCharacters(in: .whitespaces)
        let account = typed.isEmpty ? (form["account"] ?? "") : IdentityMatch.normalized(typed)
        let granted = pairs.filter { $0.0 == "granted" }.map(\.1)
        let code = await book.issue(
            OAuthGrantBook.Code(
                network: network, clientID: client, redirectURI: redirect, challenge: form["code_challenge"],
                challengeMethod: form["code_challenge_method"] ?? "plain", account: account, scopes: granted,
                issuedAt: await state.now()))
        return redirectBack(redirect, ["code": code], state: form["state"])
    }

    /// `token`: one grant type after another, each answered as RFC 6749 section 5 says.
    private func token(network: String, _ request: Request) async throws -> Response {
        let call = try await SandboxCall.read(request)
        let form = call.form
        let clientKey = network == "tiktok" ? "client_key" : "client_id"
        var client = form[clientKey]
        var secret = form["client_secret"]
        if let basic = call.headers["authorization"], basic.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(basic.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        {
            client = String(decoded[..<colon])
            secret = String(decoded[decoded.index(after: colon)...])
        }
        let grantType = form["grant_type"] ?? ""
        let known = Network(rawValue: network)
        if ["fb_exchange_token", "ig_exchange_token", "th_exchange_token"].contains(grantType) {
            guard let short = form["fb_exchange_token"] ?? form["access_token"], let name = short.split(separator: "~").first,
                !(await book.isRevoked(short))
            else { return Self.refusal("invalid_token", "The access token to exchange is invalid") }
            let pair = await book.tokens(account: String(name))
            return SandboxReply.json(200, ["access_token": pair.access, "token_type": "bearer", "expires_in": 5_183_944])
        }
        if let client {
            // Mastodon's `client_secret` is required at its token endpoint (its app is registered with one).
            let secretRequired = known == .mastodon && (secret ?? "").isEmpty
            guard !secretRequired, await book.knows(clientID: client, secret: secret) else {
                return Self.refusal("invalid_client", Self.clientAuthenticationFailed, status: 401)
            }
        } else {
            return Self.refusal("invalid_client", "\(clientKey) is missing", status: 401)
        }
        switch grantType {
        case "authorization_code":
            let redeemed = await book.redeem(
                code: form["code"], network: network, clientID: client, redirectURI: form["redirect_uri"],
                verifier: form["code_verifier"], now: await state.now(), lifetime: Self.codeLifetime(network))
            switch redeemed {
            case .success(let grant):
                return await issue(
                    network: network, account: grant.account, grant: .init(clientID: client ?? "", scopes: grant.scopes))
            case .failure(.unknownCode):
                return Self.refusal("invalid_grant", "The authorization code is invalid or was used already")
            case .failure(.expired): return Self.refusal("invalid_grant", "The authorization code has expired")
            case .failure(.otherClient): return Self.refusal("invalid_grant", "The code was issued to another client")
            case .failure(.otherRedirect):
                return Self.refusal("invalid_grant", "redirect_uri does not match the authorization request")
            case .failure(.wrongVerifier):
                return Self.refusal("invalid_grant", "code_verifier does not match the code_challenge")
            }
        case "refresh_token" where known.map(OAuthServerRules.refreshes) ?? true:
            // A refresh token serves only the client it was issued to (RFC 6749 section 6).
            var issued: OAuthGrantBook.RefreshGrant?
            if let refresh = form["refresh_token"] { issued = await book.grant(ofRefresh: refresh) }
            guard let refresh = form["refresh_token"], let name = refresh.split(separator: "~").first,
                issued.map({ $0.clientID == client }) ?? true, await book.useRefresh(refresh)
            else {
                // X answers a spent (rotated) or unknown refresh token so.
                if network == "x" { return SandboxDialect.x.refreshRefused() }
                return Self.refusal("invalid_grant", "The refresh token is invalid, revoked or was used already")
            }
            // Spent on X's own token route too (`/x/2/oauth2/token`), which keeps its own record of spent tokens.
            if network == "x" { _ = await state.spendRefreshToken(refresh, network: "x") }
            return await issue(network: network, account: String(name), grant: issued)
        default:
            return Self.refusal(
                "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.")
        }
    }

    private func issue(network: String, account: String, grant: OAuthGrantBook.RefreshGrant?) async -> Response {
        let pair = await book.tokens(account: account, grant: grant)
        let scopes = grant?.scopes
        let known = Network(rawValue: network)
        var answer: [String: Any] = [
            "access_token": pair.access, "token_type": known.map(OAuthServerRules.tokenType) ?? "bearer",
        ]
        if known.map({ OAuthServerRules.issuesRefreshToken($0, scopes: scopes) }) ?? true {
            answer["refresh_token"] = pair.refresh
        }
        if known == .mastodon { answer["created_at"] = Int(await state.now().timeIntervalSince1970) }
        if let lifetime = Self.tokenLifetime(network) { answer["expires_in"] = lifetime }
        if let scopes {
            let separator = OAuthProvider.table[network]?.scopeSeparator ?? " "
            answer["scope"] = scopes.joined(separator: separator)
        }
        if network == "tiktok" { answer["open_id"] = SandboxIdentity.numericID(account, digits: 17) }
        return SandboxReply.json(200, answer)
    }

    /// `revoke`: the token is refused from then on. On Mastodon the client authenticates (`client_id` and
    /// `client_secret`) and must own the token: another's, or none at all, is 403 `unauthorized_client`; its own is
    /// `{}`, however many times.
    private func revoke(network: String, _ request: Request) async throws -> Response {
        let call = try await SandboxCall.read(request)
        let token = call.form["token"] ?? ""
        if network == Network.mastodon.rawValue {
            let client = call.basicCredentials?.id ?? call.form["client_id"] ?? ""
            let secret = call.basicCredentials?.secret ?? call.form["client_secret"] ?? ""
            guard !client.isEmpty, !secret.isEmpty, await book.knows(clientID: client, secret: secret) else {
                return Self.refusal("invalid_client", Self.clientAuthenticationFailed, status: 401)
            }
            guard !token.isEmpty, await book.client(ofToken: token) == client else {
                return Self.refusal("unauthorized_client", "You are not authorized to revoke this token", status: 403)
            }
        }
        if !token.isEmpty {
            await book.revoke(token)
            await state.revokeAccessToken(token, network: network)
        }
        return SandboxReply.json(200, [String: Any]())
    }

    /// The `error_description` of a 401 `invalid_client`, as Mastodon's docs quote it.
    static let clientAuthenticationFailed =
        "Client authentication failed due to unknown client, no client authentication included, or unsupported "
        + "authentication method."

    static func refusal(_ error: String, _ description: String, status: Int = 400) -> Response {
        SandboxReply.json(status, ["error": error, "error_description": description])
    }

    private func redirectBack(_ redirect: String, _ parameters: [String: String], state: String?) -> Response {
        var items = parameters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        if let state { items.append(URLQueryItem(name: "state", value: state)) }
        var components = URLComponents(string: redirect) ?? URLComponents()
        components.percentEncodedQuery = items.map {
            "\(AuthorizationRequest.encode($0.name))=\(AuthorizationRequest.encode($0.value ?? ""))"
        }.joined(separator: "&")
        return SandboxReply.raw(302, Data(), contentType: nil, headers: [("Location", components.string ?? redirect)])
    }

    private func html(_ status: Int, _ page: String) -> Response {
        SandboxReply.raw(status, Data(page.utf8), contentType: "text/html; charset=utf-8")
    }

    /// Form pairs in order, repeated names kept (the ticked permissions).
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }
}
