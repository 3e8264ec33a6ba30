import Crypto
import Foundation
import GlocalSandbox
import Testing

/// X's code exchange at `POST /2/oauth2/token`, as `x/fundamentals_authentication_oauth-2-0_user-access-token.mdx`
/// shows it (read at test time): the public client's fields, or HTTP Basic for a confidential client, on a code
/// from the sandbox's X authorize page.
@Suite struct XTokenExchangeTests {
    static let redirect = "https://glocal.example/connect/x/callback"
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

    /// The `--data-urlencode` names of Step 3's two examples (public, then confidential) and whether each sends
    /// HTTP Basic.
    static func examples() throws -> [(fields: [String], basic: Bool)] {
        let page = try SpecFiles.text("x/fundamentals_authentication_oauth-2-0_user-access-token.mdx")
        let step = try #require(page.components(separatedBy: "**Step 3: POST oauth2/token").dropFirst().first)
        let section = try #require(step.components(separatedBy: "**Step 4").first)
        #expect(section.contains("https://api.x.com/2/oauth2/token"))
        return section.components(separatedBy: "curl ").dropFirst().map { example in
            let fields = example.components(separatedBy: "--data-urlencode '").dropFirst().compactMap {
                $0.components(separatedBy: "=").first
            }
            return (fields, example.contains("Authorization: Basic"))
        }
    }

    static func challenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A code from the sandbox's X authorize page: Approve as `account` with `granted` ticked.
    static func code(
        _ sandbox: SandboxCalls, account: String = "alice",
        granted: [String] = ["tweet.read", "tweet.write", "users.read", "offline.access"]
    ) async throws -> String {
        let answer = try await sandbox.call(
            "POST", "x/oauth/authorize",
            form: [
                ("client_id", "glocal-sandbox"), ("redirect_uri", redirect), ("response_type", "code"), ("state", "s"),
                ("code_challenge", challenge(verifier)), ("code_challenge_method", "S256"), ("decision", "approve"),
                ("account", account),
            ] + granted.map { ("granted", $0) })
        #expect(answer.status == 302)
        let location = try #require(answer.headers["location"].flatMap { URLComponents(string: $0) })
        return try #require(location.queryItems?.first { $0.name == "code" }?.value)
    }

    /// The example's fields with this exchange's values.
    static func form(_ names: [String], code: String, verifier: String = verifier, redirect: String = redirect)
        -> [(String, String)]
    {
        let values = [
            "code": code, "grant_type": "authorization_code", "client_id": "glocal-sandbox", "redirect_uri": redirect,
            "code_verifier": verifier,
        ]
        return names.map { ($0, values[$0] ?? "") }
    }

    static let basic = ["Authorization": "Basic " + Data("glocal-sandbox:sandbox-secret".utf8).base64EncodedString()]

    @Test func bothDocumentedExchangesGiveTokensForTheApprovedAccount() async throws {
        let examples = try Self.examples()
        #expect(examples.count == 2)
        let (public_, confidential) = (examples[0], examples[1])
        #expect(Set(public_.fields) == ["code", "grant_type", "client_id", "redirect_uri", "code_verifier"] && !public_.basic)
        #expect(!confidential.fields.contains("client_id") && confidential.basic)
        try await SandboxCalls.run { sandbox in
            for (example, headers) in [(public_, [String: String]()), (confidential, Self.basic)] {
                let code = try await Self.code(sandbox)
                let answer = try await sandbox.call(
                    "POST", "x/2/oauth2/token", form: Self.form(example.fields, code: code), headers: headers)
                #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
                #expect(answer.object["token_type"] as? String == "bearer" && answer.object["expires_in"] as? Int == 7200)
                let access = try #require(answer.object["access_token"] as? String)
                let refresh = try #require(answer.object["refresh_token"] as? String, "offline.access was granted")
                let me = try await sandbox.call("GET", "x/2/users/me", token: access)
                #expect((me.object["data"] as? [String: Any])?["username"] as? String == "alice")
                let again = try await sandbox.call(
                    "POST", "x/2/oauth2/token", form: Self.form(example.fields, code: code), headers: headers)
                #expect(again.status == 400 && again.object["error"] as? String == "invalid_request", "a code serves once")
                let refreshed = try await sandbox.call(
                    "POST", "x/2/oauth2/token",
                    form: [("refresh_token", refresh), ("grant_type", "refresh_token"), ("client_id", "glocal-sandbox")])
                #expect(refreshed.status == 200)
            }
            let code = try await Self.code(sandbox, granted: ["tweet.read", "users.read"])
            let offline = try await sandbox.call("POST", "x/2/oauth2/token", form: Self.form(public_.fields, code: code))
            #expect(offline.status == 200 && offline.object["refresh_token"] == nil, "no offline.access, no refresh token")
        }
    }

    @Test func anExchangeBreakingXsRulesIsRefused() async throws {
        let fields = try Self.examples()[0].fields
        try await SandboxCalls.run { sandbox in
            let wrongVerifier = try await sandbox.call(
                "POST", "x/2/oauth2/token",
                form: Self.form(
                    fields, code: try await Self.code(sandbox), verifier: "another-verifier-of-43-characters-at-least"))
            #expect(wrongVerifier.status == 400)
            #expect((wrongVerifier.object["error_description"] as? String)?.contains("code verifier") == true)
            let wrongRedirect = try await sandbox.call(
                "POST", "x/2/oauth2/token",
                form: Self.form(fields, code: try await Self.code(sandbox), redirect: "https://elsewhere.example/cb"))
            #expect(wrongRedirect.status == 400 && wrongRedirect.object["error"] as? String == "invalid_request")
            let noClient = try await sandbox.call(
                "POST", "x/2/oauth2/token",
                form: Self.form(fields.filter { $0 != "client_id" }, code: try await Self.code(sandbox)))
            #expect(noClient.status == 401 && noClient.object["error"] as? String == "unauthorized_client")
            let badSecret = try await sandbox.call(
                "POST", "x/2/oauth2/token", form: Self.form(fields, code: try await Self.code(sandbox)),
                headers: ["Authorization": "Basic " + Data("glocal-sandbox:wrong".utf8).base64EncodedString()])
            #expect(badSecret.status == 401)
            let flow = try SpecFiles.text("x/fundamentals_authentication_oauth-2-0_authorization-code.mdx")
            #expect(flow.contains("time limit of 30 seconds"))
            let late = try await Self.code(sandbox)
            await sandbox.state.advance(by: 31)
            let expired = try await sandbox.call("POST", "x/2/oauth2/token", form: Self.form(fields, code: late))
            #expect(expired.status == 400 && expired.object["error"] as? String == "invalid_request")
        }
    }

    @Test func theGenericTokenRouteGivesARefreshTokenOnlyWithOfflineAccess() async throws {
        let flow = try SpecFiles.text("x/fundamentals_authentication_oauth-2-0_authorization-code.mdx")
        #expect(flow.contains("If this scope is not passed, we will not generate a refresh token."))
        let fields = try Self.examples()[0].fields
        try await SandboxCalls.run { sandbox in
            let offline = try await Self.code(sandbox)
            let with = try await sandbox.call("POST", "x/oauth/token", form: Self.form(fields, code: offline))
            #expect(with.status == 200 && with.object["refresh_token"] is String)
            let online = try await Self.code(sandbox, granted: ["tweet.read", "users.read"])
            let without = try await sandbox.call("POST", "x/oauth/token", form: Self.form(fields, code: online))
            #expect(without.status == 200 && without.object["access_token"] is String)
            #expect(without.object["refresh_token"] == nil, "no offline.access, no refresh token")
        }
    }
}
