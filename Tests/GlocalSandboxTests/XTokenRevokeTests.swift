import Foundation
import GlocalSandbox
import Testing

/// X's revoke (`POST /2/oauth2/revoke`, Step 6 of `x/fundamentals_authentication_oauth-2-0_user-access-token.mdx`,
/// read at test time) and the sandbox's two X token routes sharing one record: a refresh token revoked, or rotated
/// on one route, is refused on both, as "token revoked → needs reconnect" needs.
@Suite struct XTokenRevokeTests {
    static func refresh(_ sandbox: SandboxCalls, _ path: String, _ token: String) async throws -> SandboxCalls.Answer {
        try await sandbox.call(
            "POST", path, form: [("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", "glocal-sandbox")],
            headers: XTokenExchangeTests.basic)
    }

    static func tokens(_ sandbox: SandboxCalls) async throws -> (access: String, refresh: String) {
        let fields = try XTokenExchangeTests.examples()[0].fields
        let code = try await XTokenExchangeTests.code(sandbox)
        let answer = try await sandbox.call("POST", "x/2/oauth2/token", form: XTokenExchangeTests.form(fields, code: code))
        return (try #require(answer.object["access_token"] as? String), try #require(answer.object["refresh_token"] as? String))
    }

    @Test func aRevokedRefreshTokenIsRefusedOnBothTokenRoutes() async throws {
        let page = try SpecFiles.text("x/fundamentals_authentication_oauth-2-0_user-access-token.mdx")
        #expect(page.contains("https://api.x.com/2/oauth2/revoke"))
        try await SandboxCalls.run { sandbox in
            let (_, refresh) = try await Self.tokens(sandbox)
            let revoked = try await sandbox.call(
                "POST", "x/2/oauth2/revoke", form: [("token", refresh), ("client_id", "glocal-sandbox")])
            #expect(revoked.status == 200 && revoked.object["revoked"] as? Bool == true)
            for path in ["x/2/oauth2/token", "x/oauth/token"] {
                let answer = try await Self.refresh(sandbox, path, refresh)
                #expect(answer.status == 400 && answer.object["error"] as? String == "invalid_request", "\(path)")
            }
            // The generic revoke route counts the same.
            let (_, other) = try await Self.tokens(sandbox)
            _ = try await sandbox.call("POST", "x/oauth/revoke", form: [("token", other)], headers: XTokenExchangeTests.basic)
            #expect(try await Self.refresh(sandbox, "x/2/oauth2/token", other).status == 400)
        }
    }

    @Test func aTokenRotatedOnOneRouteIsSpentOnTheOther() async throws {
        try await SandboxCalls.run { sandbox in
            let (_, first) = try await Self.tokens(sandbox)
            let rotated = try await Self.refresh(sandbox, "x/oauth/token", first)
            #expect(rotated.status == 200)
            #expect(try await Self.refresh(sandbox, "x/2/oauth2/token", first).status == 400)
            let next = try #require(rotated.object["refresh_token"] as? String)
            let onX = try await Self.refresh(sandbox, "x/2/oauth2/token", next)
            #expect(onX.status == 200)
            #expect((onX.object["scope"] as? String)?.split(separator: " ").contains("offline.access") == true)
            #expect(try await Self.refresh(sandbox, "x/oauth/token", next).status == 400)
        }
    }

    @Test func aRefreshTokenServesOnlyItsClientAndKeepsItsScopes() async throws {
        try await SandboxCalls.run { sandbox in
            // Another app the sandbox knows (registered as on Mastodon: one book of clients).
            let app = try await sandbox.call(
                "POST", "mastodon/api/v1/apps", form: [("client_name", "other"), ("redirect_uris", "https://other.example/cb")])
            let other = try #require(app.object["client_id"] as? String)
            let (_, refresh) = try await Self.tokens(sandbox)
            for path in ["x/2/oauth2/token", "x/oauth/token"] {
                let stranger = try await sandbox.call(
                    "POST", path, form: [("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", other)])
                #expect(stranger.status == 400 || stranger.status == 401, "\(path)")
            }
            let unknown = try await sandbox.call(
                "POST", "x/2/oauth2/token",
                form: [("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "nobody")])
            #expect(unknown.status == 401)
            // Refused for strangers, the token still serves its own client, with the scopes of its grant.
            let own = try await Self.refresh(sandbox, "x/2/oauth2/token", refresh)
            #expect(own.status == 200, "\(String(decoding: own.body, as: UTF8.self))")
            let scopes = (own.object["scope"] as? String)?.split(separator: " ").map(String.init) ?? []
            #expect(Set(scopes) == ["tweet.read", "tweet.write", "users.read", "offline.access"])
        }
    }

    @Test func aRevokeNamesItsClientAndItsToken() async throws {
        try await SandboxCalls.run { sandbox in
            let noClient = try await sandbox.call("POST", "x/2/oauth2/revoke", form: [("token", "alice~refresh-1")])
            #expect(noClient.status == 401)
            let noToken = try await sandbox.call("POST", "x/2/oauth2/revoke", form: [("client_id", "glocal-sandbox")])
            #expect(noToken.status == 400 && noToken.object["error"] as? String == "invalid_request")
        }
    }
}

/// What X's docs show besides: the `plain` PKCE method (the pages' own examples use it), a revoked access token refused
/// by the API, and a refresh that never hands out a token already spent.
@Suite struct XTokenSpecTests {
    @Test func thePlainMethodOfTheDocsExampleIsAccepted() async throws {
        let page = try SpecFiles.text("x/fundamentals_authentication_oauth-2-0_user-access-token.mdx")
        #expect(page.contains("code_challenge_method=plain"))
        try await SandboxCalls.run { sandbox in
            let authorize = try await sandbox.call(
                "POST", "x/oauth/authorize",
                form: [
                    ("client_id", "glocal-sandbox"), ("redirect_uri", XTokenExchangeTests.redirect), ("response_type", "code"),
                    ("state", "s"), ("code_challenge", "challenge"), ("code_challenge_method", "plain"),
                    ("decision", "approve"), ("account", "alice"), ("granted", "tweet.read"), ("granted", "users.read"),
                ])
            let location = try #require(authorize.headers["location"].flatMap { URLComponents(string: $0) })
            let code = try #require(location.queryItems?.first { $0.name == "code" }?.value)
            let fields = try XTokenExchangeTests.examples()[0].fields
            let answer = try await sandbox.call(
                "POST", "x/2/oauth2/token", form: XTokenExchangeTests.form(fields, code: code, verifier: "challenge"))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        }
    }

    @Test func aRevokedAccessTokenIsRefusedByTheAPI() async throws {
        try await SandboxCalls.run { sandbox in
            let (access, _) = try await XTokenRevokeTests.tokens(sandbox)
            #expect(try await sandbox.call("GET", "x/2/users/me", token: access).status == 200)
            _ = try await sandbox.call("POST", "x/2/oauth2/revoke", form: [("token", access), ("client_id", "glocal-sandbox")])
            #expect(try await sandbox.call("GET", "x/2/users/me", token: access).status == 401)
        }
    }

    @Test func aRefreshNeverHandsOutATokenAlreadySpent() async throws {
        try await SandboxCalls.run { sandbox in
            // Tokens from code exchanges and from refreshes come from one numbering: each new one serves once.
            var (_, refresh) = try await XTokenRevokeTests.tokens(sandbox)
            for _ in 0..<4 {
                _ = try await XTokenRevokeTests.tokens(sandbox)
                let answer = try await XTokenRevokeTests.refresh(sandbox, "x/2/oauth2/token", refresh)
                #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
                refresh = try #require(answer.object["refresh_token"] as? String)
            }
        }
    }
}
