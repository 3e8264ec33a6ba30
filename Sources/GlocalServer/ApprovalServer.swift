import Foundation
import Hummingbird
import Logging

/// Builds the approval web UI: the router (for in-process tests) and the application (for `glocal serve`).
public enum ApprovalServer {
    /// Every route, behind the timing/security-header, session and global-pause middleware.
    public static func router(_ environment: ServerEnvironment, operations: OperationsRoutes? = nil) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ServerTimingMiddleware())
        router.add(middleware: SessionMiddleware(environment: environment))
        router.add(middleware: GlobalPauseMiddleware(environment: environment))
        AuthRoutes(environment: environment).register(on: router)
        QueueRoutes(environment: environment).register(on: router)
        VariantRoutes(environment: environment).register(on: router)
        OverviewRoutes(environment: environment).register(on: router)
        AccountRoutes(environment: environment).register(on: router)
        AssetRoutes(environment: environment).register(on: router)
        operations?.register(on: router)
        return router
    }

    /// The HTTP application on `host:port`; `onRunning` gets the bound port once it listens.
    /// Hummingbird's logger stays at `warning`: request lines would carry ids, and bodies never go to logs.
    public static func application(
        _ environment: ServerEnvironment, host: String, port: Int, operations: OperationsRoutes? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "glocal.serve")
        logger.logLevel = .warning
        return Application(
            router: router(environment, operations: operations), configuration: .init(address: .hostname(host, port: port), serverName: "glocal"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
