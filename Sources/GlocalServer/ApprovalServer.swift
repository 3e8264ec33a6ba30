import Foundation
import GlocalUseCases
import Hummingbird
import Logging
import NIOCore

/// Builds the approval web UI: the router (for in-process tests) and the application (for `glocal serve`).
public enum ApprovalServer {
    /// How long a connection may stay silent (no request, or a request never finished) before the server closes it.
    public static let defaultIdleTimeout: Duration = .seconds(30)

    /// `seconds` as an idle timeout, if it is one the server accepts (0.1 s to a day).
    public static func idleTimeout(seconds: Double) -> Duration? {
        guard seconds.isFinite, (0.1...86_400).contains(seconds) else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Every route, behind the timing/security-header, error-page, session and global-pause middleware, and 405 for a
    /// method an address does not take;
    /// with `accessLog`, one line per request (``AccessLogMiddleware``, just inside the session middleware);
    /// with `connect`, the accounts' sign-in routes.
    public static func router(
        _ environment: ServerEnvironment, operations: OperationsRoutes? = nil, connect: ConnectRoutes? = nil,
        accessLog: ServiceLog? = nil
    ) -> Router<AppRequestContext> {
        // HEAD is answered on every GET route, as HTTP asks (RFC 9110, 9.3.2): link checkers and monitors send it.
        let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ServerTimingMiddleware())
        // Outside the session middleware: a busy store while reading the session is a page too.
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: SessionMiddleware(environment: environment))
        router.add(middleware: FlashMiddleware(environment: environment))
        if let accessLog { router.add(middleware: AccessLogMiddleware(log: accessLog)) }
        router.add(middleware: GlobalPauseMiddleware(environment: environment))
        AuthRoutes(environment: environment).register(on: router)
        QueueRoutes(environment: environment, connects: connect != nil).register(on: router)
        VariantRoutes(environment: environment).register(on: router)
        OverviewRoutes(environment: environment).register(on: router)
        ReportRoutes(environment: environment).register(on: router)
        AccountRoutes(environment: environment, connects: connect != nil).register(on: router)
        AssetRoutes(environment: environment).register(on: router)
        EditorRoutes(environment: environment).register(on: router)
        CalendarRoutes(environment: environment).register(on: router)
        NotificationRoutes(environment: environment).register(on: router)
        operations?.register(on: router)
        connect?.register(on: router, environment: environment)
        // Last: it answers the methods no route above takes on their addresses.
        MethodNotAllowedRoutes.register(on: router)
        return router
    }

    /// The HTTP application on `host:port`; `onRunning` gets the bound port once it listens.
    /// Hummingbird's logger stays at `warning` unless `logger` is given: request lines would carry ids, and
    /// bodies never go to logs. A connection that sends nothing for `idleTimeout` (between requests, or in
    /// the middle of one: headers never finished, a body shorter than its `Content-Length`) is closed;
    /// a request being answered is not cut.
    public static func application(
        _ environment: ServerEnvironment, host: String, port: Int, operations: OperationsRoutes? = nil,
        connect: ConnectRoutes? = nil, idleTimeout: Duration = defaultIdleTimeout, logger: Logger? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        application(
            responder: router(environment, operations: operations, connect: connect).buildResponder(), host: host,
            port: port, idleTimeout: idleTimeout, logger: logger, onRunning: onRunning)
    }

    /// The HTTP application serving `responder` on `host:port`, as ``application(_:host:port:operations:connect:idleTimeout:logger:onRunning:)``
    /// describes it; the reloadable server builds its own on it too.
    static func application<Responder: HTTPResponder>(
        responder: Responder, host: String, port: Int, idleTimeout: Duration, logger: Logger?,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol where Responder.Context == AppRequestContext {
        let logger =
            logger
            ?? {
                var logger = Logger(label: "glocal.serve")
                logger.logLevel = .warning
                return logger
            }()
        let nanoseconds = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
        return Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: "glocal"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
