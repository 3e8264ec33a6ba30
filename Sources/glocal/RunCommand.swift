import ArgumentParser
import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalServer
import GlocalStore
import GlocalUseCases

/// `glocal run`: the approval web UI and the dispatcher in one process, with `/healthz` and `/metrics`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Serve the approval web UI and publish approved variants when due (SIGTERM: finish posts in flight, then stop).",
        discussion: """
            --demo (the README's first command) fills an empty store from the workspace, creates demo users, starts \
            a sandbox in this process and connects every account to it, approves the soonest post on every account as the \
            demo admin, replays simulated time up to its last slot (each post at its own slot) and prints what went out where; \
            then it serves the web UI and keeps dispatching against the sandbox.

            Settings: flags, then the environment, then the configuration file (--config), then defaults. Logs: one line \
            per request and per publish attempt (--log-format json for JSON lines). SIGHUP re-reads the workspace.
            """)

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup(title: "Service (configuration file and logs)") var service: ServiceOptions

    @Option(help: "The address to listen on (default: the configuration's listen.host, else 127.0.0.1).")
    var host: String?

    @Option(help: "The port (0: any free port). Default: listen.port, else 8080.")
    var port: Int?

    @Option(help: "Seconds a connection may stay silent (idle, or a request never finished) before the server closes it.")
    var idleTimeout: Double = 30

    @Flag(help: "Dispatch only: no web UI (and no /healthz or /metrics).")
    var noWeb = false

    @Option(help: "Posts sent at the same time.")
    var workers = 4

    @Option(help: "Send to the glocal sandbox at this URL instead of the real networks.")
    var sandbox: String?

    @Option(help: "Seconds a slot may be late and still go out; older slots become missed.")
    var grace: Double = 900

    @OptionGroup(title: "Notifications (e-mail digests, alerts, team webhooks)") var notify: NotificationOptions

    @Flag(help: "Demo: example store, users, an in-process sandbox, one post approved everywhere and replayed.")
    var demo = false

    @Option(
        help:
            "This node's id among the nodes sharing a PostgreSQL store, in /healthz, /metrics and the audit (default: HOSTNAME-PID)."
    )
    var nodeID: String?

    @OptionGroup var connect: ConnectOptions

    func validate() throws {
        guard ApprovalServer.idleTimeout(seconds: idleTimeout) != nil else {
            throw ValidationError("--idle-timeout must be between 0.1 and 86400 seconds")
        }
        try DispatchCommand.validateNodeID(nodeID)
    }

    func run() throws {
        let loaded = try service.load(
            flags: notify.serviceFlags.merging([
                ServiceSettingKey.host.key: host, ServiceSettingKey.port.key: port.map(String.init),
                ServiceSettingKey.database.key: options.database,
            ]) { _, command in command }, workspacePath: options.workspacePath)
        let access = try loaded.access(options)
        let clock = try options.shiftedClock()
        let node = nodeID ?? DispatchConfiguration.defaultWorker()
        let served = try ServedWorkspace.open(access, demo: demo, now: clock(), nodeID: node)
        let serving = try served.holdStore()
        // The dispatcher's own connections (SQLite): a web request waits for another process's lock only its own
        // busy timeout, never behind a dispatcher write that is waiting too (docs/operations.md, A busy store).
        let dispatchStore = try served.dispatchStore()
        let liveness = try DispatchCommand.holdLiveness(of: dispatchStore.publishQueue, node: node)
        let vault = try served.access.secrets(in: dispatchStore)
        try CredentialKeyCheck.verify(vault)
        let credentials = StoredCredentials(secrets: vault)
        let service = RunService(loaded: loaded, log: loaded.serviceLog())
        let stop = StopSignal()
        stop.install(log: service.log, node: served.nodeID)
        let done = DispatchSemaphore(value: 0)
        let failure = MessageBox()
        let settings = self
        Task {
            do {
                try await settings.serveAndDispatch(
                    served, dispatchStore: dispatchStore, credentials: credentials, clock: clock, stop: stop,
                    service: service)
            } catch { failure.message = (error as? CommandFailure)?.message ?? String(describing: error) }
            done.signal()
        }
        done.wait()
        withExtendedLifetime((serving, liveness)) {}
        if let message = failure.message {
            throw CommandFailure.stopped("glocal run stopped", message, log: service.log, node: served.nodeID)
        }
    }

    /// The configuration and the log, handed to the serving task.
    struct RunService: Sendable {
        let loaded: LoadedServiceConfiguration
        let log: ServiceLog
    }

    private func serveAndDispatch(
        _ served: ServedWorkspace, dispatchStore: any WorkspaceStore, credentials: StoredCredentials,
        clock: @escaping @Sendable () -> Date, stop: StopSignal, service: RunService
    ) async throws {
        let configuration = service.loaded.configuration
        let (host, port, log) = (configuration.host, configuration.port, service.log)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // `store` is the dispatcher's; the web UI's pages and forms use `served.store`.
            let (workspace, root, store) = (served.workspace, served.access.root, dispatchStore)
            var sandboxURL = try SandboxEndpoints.parse(sandbox).sandbox
            // Networks fetch media from the public URL when one is configured.
            let mediaBaseURL =
                configuration.publicURL.map { $0.appendingPathComponent("media/") }
                ?? URL(string: "http://\(host):\(port)/media/")
            let mediaSigner = try served.access.mediaURLSigner()
            // A bad notification setting stops the command at start, before the demo's replay (docs/operations.md).
            let notify = self.notify
            _ = try notify.settings(
                workspace: workspace, configuration: configuration, listening: URL(string: "http://\(host):\(port)"),
                environment: ProcessInfo.processInfo.environment)
            // Before the demo's replay, so its posts count in `/metrics` and the log like any other.
            let metrics = DispatchMetrics()
            if demo && sandboxURL == nil {
                let state = SandboxState()
                let (ports, continuation) = AsyncStream<Int>.makeStream()
                group.addTask {
                    try await SandboxServer(state: state).run(logLevel: .critical, onRunning: { continuation.yield($0) })
                }
                var iterator = ports.makeAsyncIterator()
                guard let sandboxPort = await iterator.next() else { return }
                let url = URL(string: "http://127.0.0.1:\(sandboxPort)")!
                sandboxURL = url
                say("demo: sandbox for every network on \(url)")
                try await runDemo(
                    DemoPublishing(
                        workspace: workspace, root: root, store: store, credentials: credentials, sandboxURL: url,
                        mediaBaseURL: mediaBaseURL, mediaSigner: mediaSigner, now: clock(),
                        moveSandboxClock: { await state.setNow($0) }), log: log, metrics: metrics)
            }
            for notice in workspace.apiVersionNotices(at: clock()) { say("glocal: warning: API version: \(notice.text)") }
            let (workers, grace, endpointsURL, node) = (self.workers, self.grace, sandboxURL, served.nodeID)
            let makeDispatcher: @Sendable (Workspace) -> Dispatcher = { workspace in
                DispatcherSetup.dispatcher(
                    configuration: DispatchConfiguration(
                        worker: node ?? DispatchConfiguration.defaultWorker(), concurrency: workers, grace: grace),
                    workspace: workspace, root: root, store: store, credentials: credentials,
                    endpoints: endpointsURL.map { .sandbox(baseURL: $0) } ?? .production,
                    mediaBaseURL: endpointsURL == nil ? nil : mediaBaseURL, mediaSigner: mediaSigner, clock: clock,
                    onAttempt: { log.publishAttempt($0) })
            }
            let dispatcher = makeDispatcher(workspace)
            let lastRound = LastRound()
            let notifier = try notify.start(
                workspace: workspace, store: store, configuration: configuration,
                listening: URL(string: "http://\(host):\(port)"), clock: clock, shouldStop: { stop.requested }, log: log,
                node: node)
            let queue = store.publishQueue
            let serverFailure = MessageBox()
            var server: Task<Void, Never>?
            var reloadable: ReloadableApprovalServer?
            if !noWeb {
                let operations = OperationsRoutes(
                    health: {
                        let health = lastRound.health(now: Date(), within: 60)
                        return (health.healthy, health.status + (notifier.map { "; " + $0.status() } ?? ""))
                    },
                    metrics: {
                        // While the store is down the process's own counters still answer, with the store's gauge at 0.
                        let depth = try? queue.countsByState()
                        return metrics.prometheusText(queueDepth: depth)
                            + OperationsRoutes.storeReachableMetric(depth != nil)
                    },
                    apiVersions: { workspace.apiVersionNotices(at: clock()).map(\.text) }, nodeID: node)
                let environment = served.environment(
                    workspace: workspace, publicURL: configuration.publicURL, clock: clock)
                let connectRoutes = connect.routes(
                    access: served.access, store: served.store, sandbox: sandboxURL,
                    appVariables: service.loaded.appCredentialVariables)
                let databasePath = served.access.storeDescription
                let idle = ApprovalServer.idleTimeout(seconds: idleTimeout) ?? ApprovalServer.defaultIdleTimeout
                let approvalServer = ReloadableApprovalServer(
                    environment, operations: operations, connect: connectRoutes, accessLog: log)
                reloadable = approvalServer
                let application = approvalServer.application(
                    host: host, port: port, idleTimeout: idle, logger: ServiceLogHandler.logger(log, node: node)
                ) { port in
                    FileHandle.standardOutput.write(
                        Data(
                            "glocal: approval UI on http://\(host):\(port)/  (store \(databasePath); /healthz, /metrics; Ctrl-C stops)\n"
                                .utf8))
                    log.log(.info, "listening", [("address", .text("\(host):\(port)")), ("store", .text(databasePath))])
                }
                server = Task {
                    // A server that cannot start (port taken) stops the dispatcher too.
                    do { try await application.runService() } catch {
                        serverFailure.message = "the web UI stopped: " + ListenFailure.describing(error, host: host, port: port)
                        stop.request()
                    }
                }
            }
            // Tokens refreshed ahead of expiry every 15 minutes, whether or not a post is due.
            let keeper = TokenKeeper(
                accounts: workspace.accounts.compactMap { account in account.network.map { (account.id.value, $0) } },
                credentials: credentials, clients: dispatcher.clients, holds: store.publishQueue, clock: clock)
            group.addTask {
                await keeper.run(interval: .seconds(900), shouldStop: { stop.requested }) { reports in
                    for report in reports { UnbufferedOutput.say(TokenKeeperLine.text(report)) }
                }
            }
            // Engagement read back at +1 h, +24 h, +7 d after each publication, once a minute.
            let collector = MetricsCollector(
                metrics: store.metrics, publications: store.publishQueue, clients: dispatcher.clients, credentials: credentials,
                clock: clock)
            group.addTask {
                while !stop.requested && !Task.isCancelled {
                    _ = try? await collector.runOnce()
                    for _ in 0..<60 where !stop.requested && !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
                }
            }
            let reloader = WorkspaceReloader(
                served: served, server: reloadable, log: log, publicURL: configuration.publicURL, clock: clock)
            let reload = ReloadSignal()
            reload.install { reloader.reload() }
            // Awaited here, not in the group: on SIGTERM it stops claiming and lets the posts in flight
            // finish; nothing cancels it midway. After a reload it finishes its round and the next
            // rounds use a dispatcher of the new workspace.
            // On PostgreSQL an idle node also wakes when another node or a person makes work due.
            let listener = served.queueListener
            var current = dispatcher
            while !stop.requested {
                let generation = reloader.generation
                try await NodeDispatchLoop(dispatcher: current, queue: queue, listener: listener, poll: 1).run(
                    shouldStop: { stop.requested || reloader.generation != generation },
                    onRound: { _ in
                        metrics.recordRound()
                        lastRound.mark(Date())
                    },
                    onReport: { report in
                        metrics.record(report)
                        DispatchReportPrinter.print(report)
                    },
                    onRoundFailure: { error in
                        lastRound.failed(Date(), error)
                        DispatchReportPrinter.roundFailed(error, log: log, node: node)
                    })
                if !stop.requested { current = makeDispatcher(reloader.workspace) }
            }
            withExtendedLifetime(reload) {}
            // The server shuts down on the same signal by itself (gracefully: not cancelled); then the
            // in-process sandbox is stopped.
            await server?.value
            group.cancelAll()
            while try await group.next() != nil {}
            if let message = serverFailure.message { throw CommandFailure(message: message) }
        }
    }

    private func runDemo(_ demo: DemoPublishing, log: ServiceLog, metrics: DispatchMetrics) async throws {
        try await demo.connectAccounts()
        say("demo: every account connected to the sandbox (credentials sealed in the store)")
        guard let (campaign, post, lastSlot) = try demo.approveSoonestPost() else {
            say("demo: nothing pending to approve")
            return
        }
        say(
            "demo: \(demo.admin) approved post '\(post)' of campaign '\(campaign)' on every account; replaying simulated time up to its last slot, \(ISO8601DateFormatter().string(from: lastSlot)), and on to its last engagement reading a week later…"
        )
        let (reports, readings) = try await demo.replay(
            until: lastSlot, onAttempt: { log.publishAttempt($0) }, onReport: { metrics.record($0) })
        say("demo: what went out where (local time, zone, network, account, post):")
        say(try demo.table(reports))
        say(demo.summary(reports))
        say(
            "demo: \(readings) engagement readings pulled back (+1 h, +24 h, +7 d after each post): see Report in the web UI, or `glocal report`."
        )
    }

    private func say(_ line: String) { UnbufferedOutput.say(line) }
}

/// The dispatcher's rounds as `/healthz` reports them (`DispatchRoundHealth`), shared by the loop and the web server.
final class LastRound: @unchecked Sendable {
    private let lock = NSLock()
    private var rounds = DispatchRoundHealth()

    func mark(_ date: Date) { lock.withLock { rounds.succeeded(at: date) } }

    /// A round failed: `/healthz` says of which kind only (no SQL, no database error text); the log has the error.
    func failed(_ date: Date, _ error: any Error) {
        lock.withLock { rounds.failed(at: date, reason: StoreFailure(error).healthText) }
    }

    /// Healthy when a round finished within `seconds` and none failed since.
    func health(now: Date, within seconds: TimeInterval) -> (healthy: Bool, status: String) {
        lock.withLock { rounds.health(now: now, within: seconds) }
    }
}
