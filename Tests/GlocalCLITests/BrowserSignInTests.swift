import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import GlocalUseCases
import Testing

/// `account connect --browser`'s use case, its loopback listener played by the test: the attempt starts once the
/// listener is bound (the redirect URI names its port), the callback is checked like the web UI's, and a sign-in that
/// cannot start stops the listener with its reason.
struct BrowserSignInTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)
    static let here = SourceLocation(file: "accounts.yaml", line: 1, column: 1)
    static let account = Account(
        id: Located("lumiere-fr-x", at: here), network: .x, networkLocation: here, handle: "LumiereFR",
        locale: Located("fr-FR", at: here))

    /// What the person was shown.
    final class Shown: @unchecked Sendable {
        private let lock = NSLock()
        private var shown: [(URL, String)] = []

        func add(_ url: URL, _ redirect: String) { lock.withLock { shown.append((url, redirect)) } }
        var all: [(url: URL, redirect: String)] { lock.withLock { shown.map { (url: $0.0, redirect: $0.1) } } }
    }

    /// The query the sandbox redirects back with once the person approved on `url`.
    static func approve(_ url: URL, transport: any HTTPTransport) async throws -> [String: String] {
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        var fields = query.filter { $0.name != "login_hint" }.map { ($0.name, $0.value ?? "") }
        fields += [("decision", "approve"), ("account", "lumierefr")]
        for scope in ScopeCheck.parse(query.first { $0.name == "scope" }?.value ?? "") { fields.append(("granted", scope)) }
        var form = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        form.query = nil
        let body = fields.map { "\(AuthorizationRequest.encode($0.0))=\(AuthorizationRequest.encode($0.1))" }
        let answer = try await transport.send(
            HTTPRequest(
                method: "POST", url: try #require(form.url), headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data(body.joined(separator: "&").utf8)))
        let location = try #require(answer.header("location").flatMap { URLComponents(string: $0) })
        return Dictionary((location.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test(.timeLimit(.minutes(5))) func theAttemptStartsOnTheBoundPortAndTheCallbackFinishesIt() async throws {
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: SandboxState(now: Self.now)).withRunning { sandbox in
            let signIn = BrowserSignIn(
                connector: OAuthConnector(apps: [:], transport: transport, sandbox: sandbox),
                bluesky: .sandbox(sandbox, transport: transport), wallClock: { Self.now })
            let shown = Shown()
            let result = await signIn.signIn(
                Self.account, now: Self.now,
                receive: { _, onListening in
                    #expect(await onListening(54_321))
                    let url = try #require(shown.all.first?.url)
                    return ("x", try await Self.approve(url, transport: transport))
                }, show: shown.add)
            #expect(shown.all.map(\.redirect) == ["http://127.0.0.1:54321/connect/x/callback"])
            let connected = try result.get()
            #expect(IdentityMatch.normalized(connected.identity) == "lumierefr" && connected.credentials.hasRefreshToken)
        }
    }

    @Test func onlyTheAnswerCarryingTheAttemptsStateEndsTheWait() async throws {
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: SandboxState(now: Self.now)).withRunning { sandbox in
            let signIn = BrowserSignIn(
                connector: OAuthConnector(apps: [:], transport: transport, sandbox: sandbox),
                bluesky: .sandbox(sandbox, transport: transport), wallClock: { Self.now })
            let shown = Shown()
            let result = await signIn.signIn(
                Self.account, now: Self.now,
                receive: { accepts, onListening in
                    #expect(!accepts(["code": "abc"]), "no state")
                    #expect(await onListening(54_321))
                    let url = try #require(shown.all.first?.url)
                    let state = try #require(
                        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "state" }?.value)
                    #expect(!accepts(["code": "abc", "state": "forged"]), "a stray or forged answer is ignored")
                    let answer = try await Self.approve(url, transport: transport)
                    #expect(accepts(answer) && answer["state"] == state)
                    return ("x", answer)
                }, show: shown.add)
            #expect((try? result.get()) != nil)
        }
    }

    @Test func aTamperedStateOrAnotherNetworkIsRefused() async throws {
        let transport = URLSessionTransport(timeout: 60)
        try await SandboxServer(state: SandboxState(now: Self.now)).withRunning { sandbox in
            let signIn = BrowserSignIn(
                connector: OAuthConnector(apps: [:], transport: transport, sandbox: sandbox),
                bluesky: .sandbox(sandbox, transport: transport), wallClock: { Self.now })
            let tampered = await signIn.signIn(
                Self.account, now: Self.now,
                receive: { _, onListening in
                    _ = await onListening(54_321)
                    return ("x", ["code": "abc", "state": "forged"])
                }, show: { _, _ in })
            #expect(tampered == .failure(.stateUnknown))
        }
    }

    @Test func aSignInThatCannotStartStopsTheListenerWithItsReason() async throws {
        let signIn = BrowserSignIn(
            connector: OAuthConnector(
                apps: [:], transport: URLSessionTransport(timeout: 1), appVariables: ["x": (id: "MY_X_ID", secret: "MY_X_SECRET")]
            ),
            bluesky: BlueskyAppPasswordLogin(transport: URLSessionTransport(timeout: 1)))
        let result = await signIn.signIn(
            Self.account, now: Self.now,
            receive: { _, onListening in
                #expect(await onListening(54_321) == false)
                throw CancellationError()
            }, show: { _, _ in Issue.record("a URL was shown") })
        #expect(result == .failure(.noAppCredentials(network: "x", variables: ["MY_X_ID", "MY_X_SECRET"])))
    }
}
