import ArgumentParser
import Foundation
import GlocalCore
import GlocalServer
import GlocalUseCases

/// `glocal serve`: the approval web UI.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the approval web UI (my queue, variant pages with previews, campaigns, calendars, audit log).",
        discussion: """
            --demo applies the workspace's plan into the store if it has no variants yet, and creates (or resets) \
            four demo users, printing their passwords: a brand admin, two local managers from two teams, a viewer. \
            Settings come from flags, then the environment, then the configuration file (--config), then defaults; \
            `glocal config check` prints them. SIGHUP re-reads the workspace (kept as it was when it has errors).
            """)

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup(title: "Service (configuration file and logs)") var service: ServiceOptions

    @Option(help: "The address to listen on (default: the configuration's listen.host, else 127.0.0.1).")
    var host: String?

    @Option(help: "The port (0: any free port; the URL is printed). Default: listen.port, else 8080.")
    var port: Int?

    @Option(help: "Seconds a connection may stay silent (idle, or a request never finished) before the server closes it.")
    var idleTimeout: Double = 30

    @OptionGroup(title: "Notifications (e-mail digests, alerts, team webhooks)") var notify: NotificationOptions

    @Flag(help: "Fill an empty store from the workspace and create demo users with printed passwords.")
    var demo = false

    @OptionGroup var connect: ConnectOptions

    func validate() throws {
        guard ApprovalServer.idleTimeout(seconds: idleTimeout) != nil else {
            throw ValidationError("--idle-timeout must be between 0.1 and 86400 seconds")
        }
    }

    func run() throws {
        let loaded = try service.load(
            flags: notify.serviceFlags.merging([
                ServiceSettingKey.host.key: host, ServiceSettingKey.port.key: port.map(String.init),
                ServiceSettingKey.database.key: options.database,
            ]) { _, command in command }, workspacePath: options.workspacePath)
        let configuration = loaded.configuration
        let access = try loaded.access(options)
        let clock = try options.shiftedClock()
        let log = loaded.serviceLog()
        let served = try ServedWorkspace.open(access, demo: demo, now: clock())
        let serving = try served.holdStore()
        // As `run`: a key that opens none of the store's sealed credentials is refused at start, not found out later.
        try CredentialKeyCheck.verify(try served.access.secrets(in: served.store))
        let (host, port) = (configuration.host, configuration.port)
        let environment = served.environment(workspace: served.workspace, publicURL: configuration.publicURL, clock: clock)
        let connectRoutes = connect.routes(
            access: served.access, store: served.store, sandbox: nil, appVariables: loaded.appCredentialVariables)
        let databasePath = served.access.storeDescription
        _ = try notify.start(
            workspace: served.workspace, store: served.store, configuration: configuration,
            listening: configuration.publicURL ?? URL(string: "http://\(host):\(port)"), clock: clock, shouldStop: { false },
            log: log, node: served.nodeID)
        let idle = ApprovalServer.idleTimeout(seconds: idleTimeout) ?? ApprovalServer.defaultIdleTimeout
        let server = ReloadableApprovalServer(environment, connect: connectRoutes, accessLog: log)
        let reloader = WorkspaceReloader(
            served: served, server: server, log: log, publicURL: configuration.publicURL, clock: clock)
        let reload = ReloadSignal()
        reload.install { reloader.reload() }
        let application = server.application(
            host: host, port: port, idleTimeout: idle, logger: ServiceLogHandler.logger(log, node: served.nodeID)
        ) { port in
            // Written straight to the descriptor: scripts and tests wait for this line.
            FileHandle.standardOutput.write(
                Data("glocal: approval UI on http://\(host):\(port)/  (store \(databasePath); Ctrl-C stops)\n".utf8))
            log.log(.info, "listening", [("address", .text("\(host):\(port)")), ("store", .text(databasePath))])
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await application.runService() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        withExtendedLifetime((serving, reload)) {}
        if let error = failure.get() {
            throw CommandFailure.stopped(
                "the server stopped", ListenFailure.describing(error, host: host, port: port), log: log,
                node: served.nodeID)
        }
    }
}

/// Carries an error out of the server's task.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
