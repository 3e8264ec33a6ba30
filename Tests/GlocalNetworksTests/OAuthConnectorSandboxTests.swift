import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// The connector against the sandbox's authorization servers over real HTTP, a person's clicks played by plain
/// requests: every network connects; a denial, another account, an unticked permission, a late exchange, a
/// tampered PKCE verifier and a reused code are refused with their reason.
struct OAuthConnectorSandboxTests {
    static let base = URL(string: "https://glocal.example")!
    let session = ConnectAttempt.sessionKey(of: "session-1")

    static func account(_ network: Network, handle: String) -> Account {
        let here = SourceLocation(file: "accounts.yaml", line: 1, column: 1)
        return Account(
            id: Located("lumiere-fr-\(network.rawValue)", at: here), network: network, networkLocation: here, handle: handle,
            locale: Located("fr-FR", at: here))
    }

    /// A person on the sandbox's page: Approve (as `account`, with `granted` ticked) or Deny; the callback's query.
    static func decide(
        _ url: URL, approve: Bool = true, account: String? = nil, granted: [String]? = nil, transport: any HTTPTransport
    ) async throws -> [String: String] {
        let page = try await transport.send(HTTPRequest(method: "GET", url: url))
        #expect(page.status == 200, "\(String(decoding: page.body, as: UTF8.self))")
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        var fields = query.filter { $0.name != "login_hint" }.map { ($0.name, $0.value ?? "") }
        let hint = query.first { $0.name == "login_hint" }?.value ?? ""
        fields.append(("decision", approve ? "approve" : "deny"))
        fields.append(("account", account ?? IdentityMatch.normalized(hint)))
        let scopes = ScopeCheck.parse(query.first { $0.name == "scope" }?.value ?? "")
        for scope in granted ?? scopes { fields.append(("granted", scope)) }
        let body = fields.map { "\(AuthorizationRequest.encode($0.0))=\(AuthorizationRequest.encode($0.1))" }.joined(
            separator: "&")
        var form = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        form.query = nil
        let answer = try await transport.send(
            HTTPRequest(
                method: "POST", url: form.url!, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data(body.utf8)))
        #expect(answer.status == 302)
        let location = try #require(answer.header("location").flatMap { URLComponents(string: $0) })
        #expect(location.path.hasSuffix("/callback"))
        return Dictionary((location.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    func run(_ body: @Sendable (OAuthConnector, SandboxState, any HTTPTransport) async throws -> Void) async throws {
        let state = SandboxState(now: Date(timeIntervalSince1970: 1_796_115_600))
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: state).withRunning { url in
            try await body(OAuthConnector(apps: [:], transport: transport, sandbox: url), state, transport)
        }
    }

    @Test(.timeLimit(.minutes(5))) func everyNetworkConnectsThroughItsOwnFlow() async throws {
        try await run { connector, state, transport in
            let now = await state.now()
            for network in Network.allCases where network != .bluesky {
                let account = Self.account(network, handle: "@Lumiere_\(network.rawValue)")
                let (attempt, url) = try await connector.begin(
                    account: account, sessionKey: session, actor: "claire@example", publicBaseURL: Self.base, now: now
                ).get()
                let provider = try #require(connector.provider(for: network))
                #expect(attempt.redirectURI == "https://glocal.example/connect/\(network.rawValue)/callback")
                #expect((attempt.verifier != nil) == provider.usesPKCE, "\(network)")
                let callback = try await Self.decide(url, transport: transport)
                #expect(callback["state"] == attempt.state)
                let connected = try await connector.finish(attempt: attempt, callback: callback, account: account, now: now).get()
                #expect(IdentityMatch.normalized(connected.identity) == "lumiere_\(network.rawValue)", "\(network)")
                #expect(Set(connected.scopes) == Set(provider.scopes), "\(network)")
                #expect(!connected.credentials.accessToken.isEmpty)
                if network == .x { #expect(connected.credentials.hasRefreshToken) }
                if network == .mastodon {
                    // Mastodon's tokens do not expire and come without a refresh token (mastodon/oauth.md).
                    #expect(connected.credentials.expiresAt == nil && !connected.credentials.hasRefreshToken)
                }
                if [.facebook, .instagram, .threads].contains(network) {
                    // The long-lived token (60 days), not the hour-long one of the code exchange.
                    #expect(connected.credentials.expiresAt == now.addingTimeInterval(5_183_944), "\(network)")
                }
                #expect(connected.auditNote(flow: "OAuth").contains("scopes \(connected.scopes.joined(separator: " "))"))
            }
            // Mastodon's app was registered once on the (sandbox) instance.
            #expect(await connector.mastodonApps.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(5))) func faultsAreRefusedWithTheirReason() async throws {
        try await run { connector, state, transport in
            let now = await state.now()
            let account = Self.account(.x, handle: "LumiereFR")
            func start() async throws -> (ConnectAttempt, URL) {
                try await connector.begin(account: account, sessionKey: session, actor: "a", publicBaseURL: Self.base, now: now)
                    .get()
            }
            // The person denies.
            var (attempt, url) = try await start()
            var callback = try await Self.decide(url, approve: false, transport: transport)
            #expect(callback["error"] == "access_denied" && callback["state"] == attempt.state)
            var result = await connector.finish(attempt: attempt, callback: callback, account: account, now: now)
            #expect(result == .failure(.denied(error: "access_denied", description: "The user denied the request")))
            // Another account chosen.
            (attempt, url) = try await start()
            callback = try await Self.decide(url, account: "someone-else", transport: transport)
            result = await connector.finish(attempt: attempt, callback: callback, account: account, now: now)
            #expect(result == .failure(.wrongIdentity(expected: "LumiereFR", got: "someone-else")))
            // A permission unticked.
            (attempt, url) = try await start()
            callback = try await Self.decide(url, granted: ["tweet.read", "users.read", "offline.access"], transport: transport)
            result = await connector.finish(attempt: attempt, callback: callback, account: account, now: now)
            #expect(result == .failure(.scopesMissing(["tweet.write", "media.write"])))
            // The code exchanged too late (X: 30 seconds), answered in X's words at X's token path.
            (attempt, url) = try await start()
            callback = try await Self.decide(url, transport: transport)
            await state.advance(by: 31)
            result = await connector.finish(attempt: attempt, callback: callback, account: account, now: now)
            #expect(
                result
                    == .failure(
                        .exchangeFailed(
                            "code exchange: invalid_request: Value passed for the authorization code was invalid. (HTTP 400)"))
            )
            // A verifier that is not the one the challenge was made from.
            (attempt, url) = try await start()
            callback = try await Self.decide(url, transport: transport)
            var forged = attempt
            forged.verifier = PKCE(randomBytes: [UInt8](repeating: 7, count: 32)).verifier
            result = await connector.finish(attempt: forged, callback: callback, account: account, now: now)
            #expect(
                result
                    == .failure(
                        .exchangeFailed(
                            "code exchange: invalid_request: Value passed for the code verifier did not match the code challenge. (HTTP 400)"
                        )))
            // The code served once, even though its exchange was refused.
            result = await connector.finish(attempt: attempt, callback: callback, account: account, now: now)
            #expect(
                result
                    == .failure(
                        .exchangeFailed(
                            "code exchange: invalid_request: Value passed for the authorization code was invalid. (HTTP 400)")))
        }
    }

    @Test(.timeLimit(.minutes(5))) func blueskyConnectsWithAnAppPasswordOnThePDSFoundFromTheHandle() async throws {
        let state = SandboxState()
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: state).withRunning { url in
            let login = BlueskyAppPasswordLogin.sandbox(url, transport: transport)
            let connected = try await login.connect(handle: "@lumiere.example", appPassword: "abcd-efgh-ijkl-mnop", now: Date())
                .get()
            #expect(connected.credentials.serverURL == url.appendingPathComponent("bluesky"))
            #expect(connected.credentials.remoteUserID?.hasPrefix("did:plc:") == true)
            #expect(connected.credentials.hasRefreshToken)
            // Not an app password's form (atproto's XRPC spec: clients check it "to prevent accidental logins with
            // primary passwords"): refused before any request, so the account's own password never leaves.
            let counted = CountingTransport(inner: transport)
            let careful = BlueskyAppPasswordLogin.sandbox(url, transport: counted)
            let refused = await careful.connect(handle: "lumiere.example", appPassword: "my-main-password", now: Date())
            #expect(refused == .failure(.notAnAppPassword))
            #expect(await counted.paths.isEmpty)
            // One the PDS refuses (a revoked app password) names the PDS's error; a pasted space or line break is not sent.
            let revoked = BlueskyAppPasswordLogin.sandbox(
                url, transport: CountingTransport(inner: transport, refusing: "wxyz-0000-wxyz-0000"))
            #expect(
                await revoked.connect(handle: "lumiere.example", appPassword: " wxyz-0000-wxyz-0000\n", now: Date())
                    == .failure(
                        .exchangeFailed(
                            "the PDS refused the app password: AuthenticationRequired: Invalid identifier or password")))
        }
    }

    /// A transport that records the paths it sends, and answers a PDS's 401 to a session asked with `refusing`.
    actor CountingTransport: HTTPTransport {
        let inner: any HTTPTransport
        let refusing: String?
        private(set) var paths: [String] = []

        init(inner: any HTTPTransport, refusing: String? = nil) {
            self.inner = inner
            self.refusing = refusing
        }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            paths.append(request.url.path)
            let body = request.body.map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let refusing, request.url.path.hasSuffix("createSession"), body.contains("\"\(refusing)\"") {
                return HTTPResponse(
                    status: 401, headers: ["Content-Type": "application/json"],
                    body: Data(#"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#.utf8))
            }
            return try await inner.send(request)
        }
    }
}

/// The identity answers of the real networks, read as the connector reads them.
struct OAuthIdentityReadingTests {
    @Test func aFacebookPageIsPickedAmongThePersonsPagesWithItsToken() throws {
        let body = Data(
            #"{"data":[{"id":"111","name":"Lumière UK","access_token":"page-111"},{"id":"222","name":"Lumière France","username":"LumiereFrance","access_token":"page-222"}]}"#
                .utf8)
        let provider = try #require(OAuthProvider.of(.facebook))
        let identity = OAuthIdentity.read(body, field: provider.identityField)
        #expect(identity.handles == ["Lumière UK", "LumiereFrance"])
        let page = try #require(identity.matching("@lumierefrance", instance: nil))
        #expect(page.id == "222" && page.pageToken == "page-222")
        #expect(identity.matching("LumiereParis", instance: nil) == nil)
    }

    @Test func aLinkedInOrganizationIsPickedByItsVanityName() throws {
        let body = Data(
            #"{"elements":[{"organization":"urn:li:organization:5","organization~":{"id":5,"vanityName":"lumiere-france","localizedName":"Lumière France"}}]}"#
                .utf8)
        let identity = OAuthIdentity.read(body, field: try #require(OAuthProvider.of(.linkedin)).identityField)
        #expect(identity.matching("lumiere-france", instance: nil)?.id == "5")
    }

    @Test func xsUserIsUnderData() throws {
        let body = Data(#"{"data":{"id":"2244994945","name":"Lumière FR","username":"LumiereFR"}}"#.utf8)
        let identity = OAuthIdentity.read(body, field: try #require(OAuthProvider.of(.x)).identityField)
        #expect(identity.candidates.map(\.handle) == ["LumiereFR"] && identity.candidates.first?.id == "2244994945")
    }
}
