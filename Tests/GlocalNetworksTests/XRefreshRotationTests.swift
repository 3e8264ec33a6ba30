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
                    == .reconnectRequired(RefreshRefusal.reason(error: "invalid_request", status: 400)))
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

    /// Keeps every request a client sends, then sends it on.
    actor RequestLog {
        private(set) var requests: [HTTPRequest] = []
        func record(_ request: HTTPRequest) { requests.append(request) }
    }

    struct LoggingTransport: HTTPTransport {
        let inner: any HTTPTransport
        let log: RequestLog
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            await log.record(request)
            return try await inner.send(request)
        }
    }

    /// X's OAuth 2.0 docs: a confidential client authenticates at the token endpoint with HTTP Basic (and needs no
    /// `client_id`); a public one names its `client_id`. A refresh that does neither is refused.
    @Test func aConfidentialClientRefreshesWithHTTPBasicAPublicOneWithItsClientID() async throws {
        try await SandboxHarness.run { sandbox in
            let log = RequestLog()
            var environment = sandbox.environment
            environment.transport = LoggingTransport(inner: sandbox.environment.transport, log: log)
            let client = XClient(environment: environment)
            var confidential = Self.credentials
            confidential.clientSecret = "x-app-secret"
            guard case .refreshed(let fresh) = await client.refreshCredentials(confidential) else {
                Issue.record("the confidential client's refresh failed")
                return
            }
            let first = try #require(await log.requests.last)
            let basic = "Basic " + Data("glocal-sandbox:x-app-secret".utf8).base64EncodedString()
            #expect(first.headers["Authorization"] == basic)
            let firstForm = String(decoding: first.body ?? Data(), as: UTF8.self)
            #expect(!firstForm.contains("client_id="), "\(firstForm)")
            #expect(firstForm.contains("grant_type=refresh_token"))
            // The public client (no secret stored) names its client id, and no Authorization header.
            var publicClient = fresh
            publicClient.clientSecret = nil
            guard case .refreshed = await client.refreshCredentials(publicClient) else {
                Issue.record("the public client's refresh failed")
                return
            }
            let second = try #require(await log.requests.last)
            #expect(second.headers["Authorization"] == nil)
            #expect(String(decoding: second.body ?? Data(), as: UTF8.self).contains("client_id=glocal-sandbox"))
            // Neither: the token route refuses it.
            let url = try #require(sandbox.environment.endpoints.authBase(.x, credentials: Self.credentials))
            let response = try await sandbox.environment.transport.send(
                HTTPRequest(
                    method: "POST", url: url.appendingPathComponent("2/oauth2/token"),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: Data("grant_type=refresh_token&refresh_token=lumierefr~refresh-9".utf8)))
            #expect(response.status == 401)
            let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: String])
            #expect(body["error"] == "unauthorized_client")
        }
    }
}
