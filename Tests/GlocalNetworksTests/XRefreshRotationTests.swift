import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// X rotates refresh tokens: once used, a refresh token is invalid, and the sandbox's token route refuses it as X's
/// OAuth 2.0 token endpoint does; the client takes that refusal as "needs reconnect".
struct XRefreshRotationTests {
    static let credentials = AccountCredentials(
        accessToken: "lumierefr~access-0", refreshToken: "lumierefr~refresh-0", clientID: "glocal-sandbox")

    @Test func aRefreshTokenServesOnceAndItsSecondUseNeedsAReconnect() async throws {
        try await SandboxHarness.run { sandbox in
            let client = XClient(environment: sandbox.environment)
            guard case .refreshed(let fresh) = await client.refreshCredentials(Self.credentials) else {
                Issue.record("the first refresh failed")
                return
            }
            #expect(fresh.refreshToken != Self.credentials.refreshToken)
            #expect(
                await client.refreshCredentials(Self.credentials)
                    == .reconnectRequired("token refresh refused: invalid_request"))
            // The rotated token serves, once.
            guard case .refreshed = await client.refreshCredentials(fresh) else {
                Issue.record("the rotated refresh token was refused")
                return
            }
            #expect(await sandbox.state.refreshesGranted(network: "x") == 2)
        }
    }

    @Test func theTokenRouteAnswersAUsedTokenAsXDoes() async throws {
        try await SandboxHarness.run { sandbox in
            let client = XClient(environment: sandbox.environment)
            _ = await client.refreshCredentials(Self.credentials)
            let url = try #require(sandbox.environment.endpoints.authBase(.x, credentials: Self.credentials))
            let form = "grant_type=refresh_token&refresh_token=lumierefr~refresh-0&client_id=glocal-sandbox"
            let response = try await sandbox.environment.transport.send(
                HTTPRequest(
                    method: "POST", url: url.appendingPathComponent("2/oauth2/token"),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8)))
            #expect(response.status == 400)
            let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: String])
            #expect(body == ["error": "invalid_request", "error_description": "Value passed for the token was invalid."])
            // The sign-in flow's token route answers a refresh token it does not hold (spent or never issued) alike.
            let signIn = try await sandbox.environment.transport.send(
                HTTPRequest(
                    method: "POST", url: url.appendingPathComponent("oauth/token"),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: Data((form + "&client_secret=sandbox-secret").utf8)))
            #expect(signIn.status == 400)
            #expect(
                try JSONSerialization.jsonObject(with: signIn.body) as? [String: String]
                    == ["error": "invalid_request", "error_description": "Value passed for the token was invalid."])
        }
    }
}
