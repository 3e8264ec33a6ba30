import Foundation
import GlocalCore
import GlocalSandbox
import Testing

@testable import GlocalNetworks

/// glocal's own code exchange, as the connector sends it for X (PKCE verifier, HTTP Basic, `client_id`), at the
/// sandbox's X-shaped `/x/2/oauth2/token`, where `OAuthProvider.inSandbox` maps X's token URL (and its revoke URL to
/// `/x/2/oauth2/revoke`), as on X.
@Suite struct XTokenPathExchangeTests {
    @Test func theConnectorsExchangeWorksAtXsOwnTokenPath() async throws {
        let state = SandboxState(now: Date(timeIntervalSince1970: 1_796_115_600))
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: state).withRunning { url in
            let connector = OAuthConnector(apps: [:], transport: transport, sandbox: url)
            let account = OAuthConnectorSandboxTests.account(.x, handle: "@Lumiere_x")
            let (attempt, page) = try await connector.begin(
                account: account, sessionKey: ConnectAttempt.sessionKey(of: "session-1"), actor: "claire@example",
                publicBaseURL: OAuthConnectorSandboxTests.base, now: await state.now()
            ).get()
            let callback = try await OAuthConnectorSandboxTests.decide(page, transport: transport)
            let provider = try #require(connector.provider(for: .x))
            #expect(provider.tokenURL == url.appendingPathComponent("x/2/oauth2/token").absoluteString)
            #expect(provider.revokeURL == url.appendingPathComponent("x/2/oauth2/revoke").absoluteString)
            let exchange = OAuthTokenRequests(provider: provider, app: .sandbox, instance: nil, transport: transport)
            let grant = try await exchange.exchange(code: try #require(callback["code"]), attempt: attempt).get()
            #expect(grant.refreshToken != nil && grant.expiresIn == 7200)
            #expect(ScopeCheck.missing(required: provider.scopes, granted: grant.scope).isEmpty)
            let identity = try await exchange.identity(token: grant.accessToken).get()
            #expect(identity.matching(account.handle, instance: nil) != nil)
        }
    }
}
