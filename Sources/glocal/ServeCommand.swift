import ArgumentParser
import Foundation
import GlocalServer
import GlocalUseCases

/// `glocal serve`: the approval web UI.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the approval web UI (my queue, variant pages with previews, campaigns, calendars, audit log).",
        discussion: """
            --demo applies the workspace's plan into the store if it has no variants yet, and creates (or resets)
            four demo users, printing their passwords: a brand admin, two local managers from two teams, a viewer.
            """)

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port; the URL is printed).")
    var port = 8080

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
        let access = try options.access()
        let clock = try options.shiftedClock()
        let served = try ServedWorkspace.open(access, demo: demo, now: clock())
        var environment = served.environment(clock: clock)
        environment.publicBaseURL = try connect.publicBaseURL(flag: notify.publicURL)
        let connectRoutes = connect.routes(access: served.access, store: served.store, sandbox: nil)
        let databasePath = served.access.databasePath
        let host = self.host
        _ = try notify.start(
            workspace: served.workspace, store: served.store, listening: URL(string: "http://\(host):\(port)"), clock: clock,
            shouldStop: { false })
        let idle = ApprovalServer.idleTimeout(seconds: idleTimeout) ?? ApprovalServer.defaultIdleTimeout
        let application = ApprovalServer.application(
            environment, host: host, port: port, connect: connectRoutes, idleTimeout: idle
        ) { port in
            // Written straight to the descriptor: scripts and tests wait for this line.
            FileHandle.standardOutput.write(
                Data("glocal: approval UI on http://\(host):\(port)/  (store \(databasePath); Ctrl-C stops)\n".utf8))
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await application.runService() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw CommandFailure(message: "the server stopped: \(error)") }
    }
}

/// Carries an error out of the server's task.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
