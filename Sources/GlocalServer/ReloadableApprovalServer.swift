import Foundation
import GlocalUseCases
import Hummingbird
import Logging
import Synchronization

/// The approval web UI with a workspace that can be swapped while it serves (SIGHUP): requests
/// go to the router of the current environment; ``reload(_:)`` builds a new router and swaps it in
/// atomically, so requests in flight finish on the old one and no connection is dropped.
public final class ReloadableApprovalServer: Sendable {
    private let current: Mutex<RouterResponder<AppRequestContext>>
    private let operations: OperationsRoutes?
    private let connect: ConnectRoutes?
    private let accessLog: ServiceLog?

    /// Serves `environment`; with `connect`, the accounts' sign-in routes (kept across reloads, with the sign-ins
    /// under way); with `accessLog`, one line per request.
    public init(
        _ environment: ServerEnvironment, operations: OperationsRoutes? = nil, connect: ConnectRoutes? = nil,
        accessLog: ServiceLog? = nil
    ) {
        self.operations = operations
        self.connect = connect
        self.accessLog = accessLog
        current = Mutex(
            ApprovalServer.router(environment, operations: operations, connect: connect, accessLog: accessLog)
                .buildResponder())
    }

    /// Serves `environment` from now on.
    public func reload(_ environment: ServerEnvironment) {
        let responder = ApprovalServer.router(
            environment, operations: operations, connect: connect, accessLog: accessLog
        ).buildResponder()
        current.withLock { $0 = responder }
    }

    /// The HTTP application on `host:port`, as `ApprovalServer.application` builds it, serving the current router.
    public func application(
        host: String, port: Int, idleTimeout: Duration = ApprovalServer.defaultIdleTimeout, logger: Logger? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        ApprovalServer.application(
            responder: SwappingResponder(server: self), host: host, port: port, idleTimeout: idleTimeout, logger: logger,
            onRunning: onRunning)
    }

    fileprivate var responder: RouterResponder<AppRequestContext> { current.withLock { $0 } }
}

/// Hands each request to the server's current router.
private struct SwappingResponder: HTTPResponder {
    typealias Context = AppRequestContext
    let server: ReloadableApprovalServer

    func respond(to request: Request, context: Context) async throws -> Response {
        try await server.responder.respond(to: request, context: context)
    }
}
