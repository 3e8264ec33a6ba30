import Crypto
import Foundation
import GlocalSandbox
import Testing

/// The sandbox's Mastodon authorization server against `mastodon/oauth.md` (read at test time): the authorization
/// request held to the app's registration and to `S256`, the token as the docs show it (no refresh token, no
/// expiry, no refresh grant), the client's secret required, and a token revoked only by the app that owns it.
@Suite struct MastodonOAuthTests {
    static let redirect = "https://glocal.example/connect/mastodon/callback"
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

    /// The page, as text.
    static func page() throws -> String { try SpecFiles.text("mastodon/oauth.md") }

    /// The first ```json block of the section whose heading starts with `heading`, parsed.
    static func example(_ heading: String) throws -> [String: Any] {
        let section = try #require(try page().components(separatedBy: "\n## \(heading)").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
    }

    /// The authorization server metadata the docs show (`GET /.well-known/oauth-authorization-server`).
    static func metadata() throws -> [String: Any] { try example("Discover OAuth Server Configuration") }

    static func challenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Registers an app on the sandbox's instance (`POST /api/v1/apps`); `scopes` `nil` leaves Mastodon's default.
    static func register(_ sandbox: SandboxCalls, scopes: String? = "profile read:statuses write:statuses") async throws
        -> (id: String, secret: String)
    {
        var body: [String: Any] = ["client_name": "glocal", "redirect_uris": redirect]
        if let scopes { body["scopes"] = scopes }
        let answer = try await sandbox.call("POST", "mastodon/api/v1/apps", json: body)
        #expect(answer.status == 200)
        return (try #require(answer.object["client_id"] as? String), try #require(answer.object["client_secret"] as? String))
    }

    /// The authorization request's query.
    static func query(
        client: String, redirect: String = redirect, scope: String? = "profile read:statuses", method: String? = "S256"
    ) -> String {
        var items = [
            ("response_type", "code"), ("client_id", client), ("redirect_uri", redirect), ("state", "s"),
            ("code_challenge", challenge(verifier)),
        ]
        if let scope { items.append(("scope", scope)) }
        if let method { items.append(("code_challenge_method", method)) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }

    /// The `error` of a refusal redirected to the callback.
    static func redirectedError(_ answer: SandboxCalls.Answer) -> String? {
        guard answer.status == 302, let location = answer.headers["location"].flatMap(URLComponents.init(string:)) else {
            return nil
        }
        return location.queryItems?.first { $0.name == "error" }?.value
    }

    /// A code for `client`, approved on the page as `alice`.
    static func code(_ sandbox: SandboxCalls, client: String) async throws -> String {
        let answer = try await sandbox.call(
            "POST", "mastodon/oauth/authorize",
            form: [
                ("client_id", client), ("redirect_uri", redirect), ("response_type", "code"), ("state", "s"),
                ("scope", "profile read:statuses"), ("code_challenge", challenge(verifier)),
                ("code_challenge_method", "S256"), ("decision", "approve"), ("account", "alice"),
                ("granted", "profile"), ("granted", "read:statuses"),
            ])
        #expect(answer.status == 302)
        let location = try #require(answer.headers["location"].flatMap { URLComponents(string: $0) })
        return try #require(location.queryItems?.first { $0.name == "code" }?.value)
    }

    /// The form of a code exchange, as "Obtain a token" lists its form data parameters.
    static func exchange(_ app: (id: String, secret: String)?, code: String) -> [(String, String)] {
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect), ("code_verifier", verifier),
        ]
        if let app { form += [("client_id", app.id), ("client_secret", app.secret)] }
        return form
    }

    @Test func theAuthorizationRequestIsHeldToTheAppsRegistrationAndToS256() async throws {
        let page = try Self.page()
        #expect(page.contains("Must match one of the `redirect_uris` declared during app registration."))
        #expect(
            page.contains("Must be a subset of `scopes` declared during app registration. If not provided, defaults to `read`."))
        let methods = try #require(try Self.metadata()["code_challenge_methods_supported"] as? [String])
        #expect(methods == ["S256"])
        try await SandboxCalls.run { sandbox in
            let app = try await Self.register(sandbox)
            for method in methods {
                let shown = try await sandbox.call(
                    "GET", "mastodon/oauth/authorize?" + Self.query(client: app.id, method: method))
                #expect(shown.status == 200, "\(method)")
            }
            for method in ["plain", nil] where !methods.contains(method ?? "plain") {
                let refused = try await sandbox.call(
                    "GET", "mastodon/oauth/authorize?" + Self.query(client: app.id, method: method))
                #expect(Self.redirectedError(refused) == "invalid_request", "\(method ?? "no method: plain")")
            }
            let elsewhere = try await sandbox.call(
                "GET", "mastodon/oauth/authorize?" + Self.query(client: app.id, redirect: "https://elsewhere.example/cb"))
            #expect(
                elsewhere.status == 400 && elsewhere.headers["location"] == nil, "an unregistered redirect URI is never followed")
            let wider = try await sandbox.call(
                "GET", "mastodon/oauth/authorize?" + Self.query(client: app.id, scope: "profile write:follows"))
            #expect(Self.redirectedError(wider) == "invalid_scope")
            let unnamed = try await sandbox.call("GET", "mastodon/oauth/authorize?" + Self.query(client: app.id, scope: nil))
            #expect(Self.redirectedError(unnamed) == "invalid_scope", "the default `read` is not among this app's scopes")
            let reader = try await Self.register(sandbox, scopes: nil)
            let defaulted = try await sandbox.call("GET", "mastodon/oauth/authorize?" + Self.query(client: reader.id, scope: nil))
            #expect(defaulted.status == 200)
            #expect(String(decoding: defaulted.body, as: UTF8.self).contains("value=\"read\""))
            // The page's own form is held to the same rules.
            let posted = try await sandbox.call(
                "POST", "mastodon/oauth/authorize",
                form: [
                    ("client_id", app.id), ("redirect_uri", Self.redirect), ("response_type", "code"),
                    ("code_challenge", "x"), ("code_challenge_method", "plain"), ("decision", "approve"),
                ])
            #expect(Self.redirectedError(posted) == "invalid_request")
        }
    }

    @Test func theTokenIsTheDocumentedOneAndIsNeverRefreshed() async throws {
        let documented = try Self.example("Obtain a token")
        let keys = Set(documented.keys)
        let tokenType = try #require(documented["token_type"] as? String)
        let grants = try #require(try Self.metadata()["grant_types_supported"] as? [String])
        #expect(grants.contains("authorization_code") && !grants.contains("refresh_token"))
        try await SandboxCalls.run { sandbox in
            let app = try await Self.register(sandbox)
            let answer = try await sandbox.call(
                "POST", "mastodon/oauth/token", form: Self.exchange(app, code: try await Self.code(sandbox, client: app.id)))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            #expect(Set(answer.object.keys) == keys, "no refresh_token, no expires_in")
            #expect(answer.object["token_type"] as? String == tokenType)
            #expect(answer.object["scope"] as? String == "profile read:statuses")
            #expect(answer.object["created_at"] as? Int == Int(SandboxCalls.start.timeIntervalSince1970))
            let refresh = try await sandbox.call(
                "POST", "mastodon/oauth/token",
                form: [
                    ("grant_type", "refresh_token"), ("refresh_token", "alice~refresh-1"), ("client_id", app.id),
                    ("client_secret", app.secret),
                ])
            #expect(refresh.status == 400 && refresh.object["error"] as? String == "unsupported_grant_type")
            let noSecret = try await sandbox.call(
                "POST", "mastodon/oauth/token",
                form: Self.exchange(nil, code: try await Self.code(sandbox, client: app.id)) + [("client_id", app.id)])
            #expect(
                noSecret.status == 401 && noSecret.object["error"] as? String == "invalid_client", "client_secret is required")
        }
    }

    @Test func onlyTheAppThatOwnsATokenRevokesIt() async throws {
        let documented = try Self.example("Revoke a token")
        #expect(documented.isEmpty, "the 200 answer is {}")
        let page = try Self.page()
        #expect(page.contains("\"error\": \"unauthorized_client\""))
        try await SandboxCalls.run { sandbox in
            let app = try await Self.register(sandbox)
            let other = try await Self.register(sandbox)
            let answer = try await sandbox.call(
                "POST", "mastodon/oauth/token", form: Self.exchange(app, code: try await Self.code(sandbox, client: app.id)))
            let token = try #require(answer.object["access_token"] as? String)
            let stranger = try await sandbox.call(
                "POST", "mastodon/oauth/revoke",
                form: [("client_id", other.id), ("client_secret", other.secret), ("token", token)])
            #expect(stranger.status == 403 && stranger.object["error"] as? String == "unauthorized_client")
            let none = try await sandbox.call(
                "POST", "mastodon/oauth/revoke", form: [("client_id", app.id), ("client_secret", app.secret)])
            #expect(none.status == 403)
            #expect(try await sandbox.call("GET", "mastodon/oauth/me", token: token).status == 200, "not revoked by a stranger")
            for _ in 0..<2 {
                let revoked = try await sandbox.call(
                    "POST", "mastodon/oauth/revoke",
                    form: [("client_id", app.id), ("client_secret", app.secret), ("token", token)])
                #expect(revoked.status == 200 && revoked.object.isEmpty, "idempotent")
            }
            #expect(try await sandbox.call("GET", "mastodon/oauth/me", token: token).status == 401)
        }
    }
}
