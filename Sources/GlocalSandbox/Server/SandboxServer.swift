import Foundation
import Hummingbird
import Logging

/// The local stand-in for every supported network, at `http://HOST:PORT/<network>/…`, with `/_sandbox/` admin calls.
public struct SandboxServer: Sendable {
    /// What the server remembers.
    public let state: SandboxState

    /// Creates a server over `state`.
    public init(state: SandboxState = SandboxState()) { self.state = state }

    /// The router with every network's routes and the admin API.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        // One book of codes and tokens for every authorization server, X's own token endpoint included.
        let book = OAuthGrantBook()
        router.add(middleware: APIVersionGate(state: state))
        router.add(middleware: MastodonRateLimit(state: state))
        router.add(middleware: XRateLimit(state: state))
        router.add(middleware: BlueskyRateLimit(state: state))
        AdminRoutes(state: state).register(on: router)
        XRoutes(gate: SandboxGate(state: state, dialect: .x)).register(on: router)
        XTokenRoutes(gate: SandboxGate(state: state, dialect: .x), book: book).register(on: router)
        XMediaRoutes(gate: SandboxGate(state: state, dialect: .x)).register(on: router)
        BlueskyRoutes(gate: SandboxGate(state: state, dialect: .bluesky)).register(on: router)
        MastodonRoutes(gate: SandboxGate(state: state, dialect: .mastodon)).register(on: router)
        LinkedInRoutes(gate: SandboxGate(state: state, dialect: .linkedin)).register(on: router)
        LinkedInMediaRoutes(gate: SandboxGate(state: state, dialect: .linkedin)).register(on: router)
        FacebookRoutes(gate: SandboxGate(state: state, dialect: .facebook)).register(on: router)
        FacebookMediaRoutes(gate: SandboxGate(state: state, dialect: .facebook)).register(on: router)
        GraphUploadRoutes(gate: SandboxGate(state: state, dialect: .facebook)).register(on: router)
        ContainerRoutes.instagram(state).register(on: router)
        ContainerRoutes.threads(state).register(on: router)
        WebhookRoutes(gate: SandboxGate(state: state, dialect: .webhook)).register(on: router)
        YouTubeRoutes(gate: SandboxGate(state: state, dialect: .youtube)).register(on: router)
        TikTokRoutes(gate: SandboxGate(state: state, dialect: .tiktok)).register(on: router)
        PinterestRoutes(gate: SandboxGate(state: state, dialect: .pinterest)).register(on: router)
        GoogleBusinessRoutes(gate: SandboxGate(state: state, dialect: .googleBusiness)).register(on: router)
        OAuthRoutes(state: state, book: book).register(on: router)
        return router
    }

    /// Serves until cancelled; `onRunning` gets the bound port (useful with port 0).
    public func run(
        host: String = "127.0.0.1", port: Int = 0, logLevel: Logger.Level = .warning,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "glocal.sandbox")
        logger.logLevel = logLevel
        let app = Application(
            router: router(),
            // Like the approval server: a connection idle or half-sent for 30 s is closed (an answer being made is not).
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "glocal-sandbox"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.run()
    }

    /// Starts the server on a free loopback port, runs `body` with its base URL, then stops it.
    public func withRunning<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                // Stopping by cancellation makes the server log every open connection as an error: keep it quiet.
                try await run(logLevel: .critical, onRunning: { port in continuation.yield(port) })
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            defer { group.cancelAll() }
            return try await body(URL(string: "http://127.0.0.1:\(port)")!)
        }
    }
}
