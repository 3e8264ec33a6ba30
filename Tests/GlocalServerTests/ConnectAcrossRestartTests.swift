import Foundation
import GRDB
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import GlocalServer
@testable import GlocalStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A sign-in under way is kept in the store, not in the server's memory: started on one server, finished on another
/// over the same store (a restart between "Connect" and the callback, or another node), against the sandbox's real
/// authorization servers. Mastodon's app, registered on the instance for the attempt, goes with it. Single use;
/// ten minutes; nothing readable in the store.
struct ConnectAcrossRestartTests {
    static let key = Data(repeating: 3, count: 32)

    /// The router of a server just started over `fixture`'s store: connect routes with a connector of their own.
    static func server(_ fixture: ServerFixture, sandbox: URL) throws -> some ApplicationProtocol {
        var environment = fixture.environment
        environment.publicURL = URL(string: "https://glocal.example")
        let transport = URLSessionTransport(timeout: 60)
        let routes = ConnectRoutes(
            connector: OAuthConnector(apps: [:], transport: transport, sandbox: sandbox),
            bluesky: .sandbox(sandbox, transport: transport),
            secrets: fixture.store.accountSecrets(key: try SecretKey(bytes: key)))
        return Application(router: ApprovalServer.router(environment, connect: routes))
    }

    /// Signs the France manager in on a new server and presses Connect on `account`: the session's cookies and the
    /// network's sign-in URL.
    static func start(_ account: String, on server: some ApplicationProtocol) async throws -> (
        cookies: [String: String], signIn: URL
    ) {
        try await server.test(.router) { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            let started = try await france.post("/accounts/\(account)/connect", form: [("csrf", csrf)])
            let location = try #require(started.headers[HTTPField.Name("Refresh")!].map { String($0.dropFirst(7)) })
            return (france.cookies, try #require(URL(string: location)))
        }
    }

    /// The person approves on the sandbox's page, as the account its hint names, every permission ticked; the query
    /// the network redirects back with.
    static func approve(_ url: URL) async throws -> String {
        let transport = URLSessionTransport(timeout: 60)
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        var fields = query.filter { $0.name != "login_hint" }.map { ($0.name, $0.value ?? "") }
        fields.append(("decision", "approve"))
        fields.append(("account", IdentityMatch.normalized(query.first { $0.name == "login_hint" }?.value ?? "")))
        for scope in ScopeCheck.parse(query.first { $0.name == "scope" }?.value ?? "") { fields.append(("granted", scope)) }
        var form = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        form.query = nil
        let answer = try await transport.send(
            GlocalNetworks.HTTPRequest(
                method: "POST", url: try #require(form.url), headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data(
                    fields.map { "\(AuthorizationRequest.encode($0.0))=\(AuthorizationRequest.encode($0.1))" }
                        .joined(separator: "&").utf8)))
        #expect(answer.status == 302)
        return try #require(answer.header("location").flatMap { URLComponents(string: $0)?.percentEncodedQuery })
    }

    /// The callback, on `server`, in the session `cookies` name.
    static func callback(
        _ network: String, query: String, cookies: [String: String], on server: some ApplicationProtocol
    ) async throws -> [BrowserSession.Page] {
        try await server.test(.router) { client in
            var france = BrowserSession(client: client)
            france.cookies = cookies
            // Twice: the second use of the state is refused.
            return [
                try await france.get("/connect/\(network)/callback?\(query)"),
                try await france.get("/connect/\(network)/callback?\(query)"),
            ]
        }
    }

    @Test(.timeLimit(.minutes(5))) func aSignInStartedBeforeARestartFinishesAfterIt() async throws {
        let fixture = try ServerFixture()
        try await SandboxServer(state: SandboxState(now: ServerFixture.start)).withRunning { sandbox in
            for (account, network) in [("lumiere-fr-x", "x"), ("lumiere-fr-mastodon", "mastodon")] {
                let (cookies, signIn) = try await Self.start(account, on: try Self.server(fixture, sandbox: sandbox))
                let state = try #require(
                    URLComponents(url: signIn, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "state" }?.value)
                // What the store keeps names the account, not the state; the verifier is sealed.
                let kept = try fixture.store.writer.read { db in
                    try Row.fetchAll(db, sql: "SELECT state_digest, account_id, sealed FROM connect_attempt")
                }
                #expect(kept.count == 1 && kept.first?["account_id"] == account)
                #expect(kept.allSatisfy { ($0["state_digest"] as String?) != state })
                #expect(kept.allSatisfy { !String(decoding: $0["sealed"] as Data? ?? Data(), as: UTF8.self).contains(state) })

                let query = try await Self.approve(signIn)
                let pages = try await Self.callback(
                    network, query: query, cookies: cookies, on: try Self.server(fixture, sandbox: sandbox))
                #expect(pages[0].status == .seeOther, "\(account): \(pages[0].body)")
                #expect(pages[0].location == "/accounts#account-\(account)")
                #expect(pages[1].status == .badRequest && pages[1].body.contains("unknown or was used already"))
                let left = try await fixture.store.writer.read {
                    try Int.fetchOne($0, sql: "SELECT count(*) FROM connect_attempt")
                }
                #expect(left == 0)
            }
        }
        let secrets = fixture.store.accountSecrets(key: try SecretKey(bytes: Self.key))
        #expect(try secrets.accounts() == ["lumiere-fr-mastodon", "lumiere-fr-x"])
        let events = try fixture.store.accountAuditEvents().filter { $0.action == .connect }
        #expect(events.map(\.actor) == [ServerFixture.france, ServerFixture.france])
    }

    @Test(.timeLimit(.minutes(5))) func aKeptSignInExpiresAfterTenMinutes() async throws {
        let fixture = try ServerFixture()
        try await SandboxServer(state: SandboxState(now: ServerFixture.start)).withRunning { sandbox in
            let (cookies, signIn) = try await Self.start("lumiere-fr-x", on: try Self.server(fixture, sandbox: sandbox))
            let query = try await Self.approve(signIn)
            fixture.clock.advance(ConnectAttemptLedger.lifetime + 1)
            let pages = try await Self.callback(
                "x", query: query, cookies: cookies, on: try Self.server(fixture, sandbox: sandbox))
            #expect(
                pages[0].status == .badRequest && pages[0].body.contains("started more than 10 minutes ago"), "\(pages[0].body)")
            #expect(pages[1].body.contains("unknown or was used already"))
        }
        #expect(try fixture.store.accountSecrets(key: try SecretKey(bytes: Self.key)).accounts().isEmpty)
    }
}
