import Foundation
import GlocalCore
import GlocalNetworks
import GlocalServer
import GlocalStore
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing

/// Connecting from the accounts page, in process: who may start it, where the browser is sent (the network's page
/// with a state, PKCE S256 and the exact redirect URI), and callbacks refused before anything is stored.
struct ConnectRoutesTests {
    static let sandbox = URL(string: "http://127.0.0.1:9")!

    /// Runs `body` against the router with the connect routes (a sandbox that is never called by these paths).
    static func test(_ fixture: ServerFixture, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var environment = fixture.environment
        environment.publicURL = URL(string: "https://glocal.example")
        let transport = URLSessionTransport(timeout: 5)
        let routes = ConnectRoutes(
            connector: OAuthConnector(apps: [:], transport: transport, sandbox: sandbox),
            bluesky: .sandbox(sandbox, transport: transport),
            secrets: fixture.store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 3, count: 32))))
        try await Application(router: ApprovalServer.router(environment, connect: routes)).test(.router, body)
    }

    /// The query of the sign-in URL a Connect answer sends the browser to (its `Refresh: 0; url=…` header).
    static func query(_ page: BrowserSession.Page) -> [String: String] {
        let location = page.headers[HTTPField.Name("Refresh")!].map { String($0.dropFirst(7)) }
        let items = location.flatMap { URLComponents(string: $0)?.queryItems } ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aManagerIsSentToTheNetworksPageForTheirOwnAccount() async throws {
        let fixture = try ServerFixture()
        try await Self.test(fixture) { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts")
            #expect(page.body.contains("id=\"connect-lumiere-fr-x\"") && !page.body.contains("id=\"connect-lumiere-uk-x\""))
            #expect(page.body.contains("Not connected from this page yet."))
            let csrf = try #require(page.csrf)
            let started = try await france.post("/accounts/lumiere-fr-x/connect", form: [("csrf", csrf)])
            #expect(started.status == .ok)
            let location = try #require(started.headers[HTTPField.Name("Refresh")!].map { String($0.dropFirst(7)) })
            #expect(started.body.contains("id=\"continue\""))
            #expect(location.hasPrefix("http://127.0.0.1:9/x/oauth/authorize?response_type=code&client_id=glocal-sandbox&"))
            let query = Self.query(started)
            #expect(query["redirect_uri"] == "https://glocal.example/connect/x/callback")
            #expect(query["code_challenge_method"] == "S256" && query["code_challenge"]?.count == 43)
            #expect((query["state"]?.count ?? 0) >= 43)
            #expect(query["scope"] == "tweet.read tweet.write users.read media.write offline.access")
            // Another team's account, and a viewer: refused.
            #expect(try await france.post("/accounts/lumiere-uk-x/connect", form: [("csrf", csrf)]).status == .forbidden)
            // An account no workspace file declares: 404 for a manager as for an admin.
            #expect(try await france.post("/accounts/nonexistent-acc/connect", form: [("csrf", csrf)]).status == .notFound)
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let viewerPage = try await viewer.get("/accounts")
            #expect(!viewerPage.body.contains("/connect\""))
            #expect(
                try await viewer.post("/accounts/lumiere-fr-x/connect", form: [("csrf", viewerPage.csrf ?? "")]).status
                    == .forbidden)
            // Without the CSRF token nothing starts.
            #expect(try await france.post("/accounts/lumiere-fr-x/connect", form: []).status == .forbidden)
        }
        #expect(try fixture.store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 3, count: 32))).accounts().isEmpty)
    }

    /// A held account's fix, as each user can carry it out: Reconnect for its manager, who to ask for a viewer.
    @Test func aNeedsReconnectRowSaysWhoReconnects() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setNeedsReconnect("token revoked", account: "lumiere-fr-x", now: ServerFixture.start)
        try await Self.test(fixture) { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let managerRow = try #require(AccountHoldsRoutesTests.row("lumiere-fr-x", in: try await france.get("/accounts").body))
            #expect(managerRow.contains("Fix: press Reconnect to sign in on the network again."))
            #expect(managerRow.contains(">Reconnect<"))
            // The queue's warning names the same fix, never the command line nor "an operator".
            let queue = try await france.get("/")
            #expect(queue.body.contains("id=\"reconnect-warning\""))
            #expect(queue.body.contains("Fix: <a href=\"/accounts#account-lumiere-fr-x\">Reconnect</a>"))
            #expect(!queue.body.contains("glocal account connect") && !queue.body.contains("operator"))
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let viewerRow = try #require(AccountHoldsRoutesTests.row("lumiere-fr-x", in: try await viewer.get("/accounts").body))
            #expect(viewerRow.contains("Fix: one of the account's managers or an admin reconnects it."))
            #expect(!viewerRow.contains("press Reconnect") && !viewerRow.contains("/connect\""))
            let viewerQueue = try await viewer.get("/")
            #expect(viewerQueue.body.contains("Fix: one of the account's managers or an admin reconnects it."))
            #expect(!viewerQueue.body.contains("glocal account connect"))
        }
    }

    @Test func callbacksWithAForgedStolenOrDeniedStateStoreNothing() async throws {
        let fixture = try ServerFixture()
        try await Self.test(fixture) { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            // A forged state.
            let forged = try await france.get("/connect/x/callback?code=abc&state=forged")
            #expect(forged.status == .badRequest)
            #expect(forged.body.contains("unknown or was used already"))
            // Another session using France's state: refused, and the state is burned.
            var stolen = Self.query(try await france.post("/accounts/lumiere-fr-x/connect", form: [("csrf", csrf)]))
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let other = try await admin.get("/connect/x/callback?code=abc&state=\(stolen["state"] ?? "")")
            #expect(other.status == .badRequest && other.body.contains("started in another session"))
            let burned = try await france.get("/connect/x/callback?code=abc&state=\(stolen["state"] ?? "")")
            #expect(burned.body.contains("unknown or was used already"))
            // The person denied on the network's page.
            stolen = Self.query(try await france.post("/accounts/lumiere-fr-x/connect", form: [("csrf", csrf)]))
            let denied = try await france.get("/connect/x/callback?error=access_denied&state=\(stolen["state"] ?? "")")
            #expect(denied.status == .unprocessableContent)
            #expect(denied.body.contains("access was denied on the network&#39;s page; nothing was stored"))
            // The callback of another network than the one started.
            stolen = Self.query(try await france.post("/accounts/lumiere-fr-x/connect", form: [("csrf", csrf)]))
            let mismatch = try await france.get("/connect/mastodon/callback?code=abc&state=\(stolen["state"] ?? "")")
            #expect(mismatch.status == .badRequest && mismatch.body.contains("started for x, not mastodon"))
        }
        #expect(try fixture.store.accountAuditEvents().filter { $0.action == .connect }.isEmpty)
    }
}
