import ArgumentParser
import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import GlocalUseCases

/// `glocal dispatch`: publishes approved variants when they are due, until stopped.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Publish approved variants when due, at most once each (SIGTERM or Ctrl-C: finish in-flight posts, then stop).")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Send to the glocal sandbox at this URL (e.g. http://127.0.0.1:8787) instead of the real networks.")
    var sandbox: String?

    @Option(help: "Posts sent at the same time.")
    var workers: Int = 4

    @Option(
        help:
            "The web UI's public address (or GLOCAL_PUBLIC_URL): Instagram, Threads and Google Business Profile fetch media from <URL>/media/."
    )
    var publicURL: String?

    @Option(help: "Seconds a slot may be late and still go out; older slots become missed.")
    var grace: Double = 900

    @Option(help: "Longest wait, in seconds, between rounds when nothing is due (it wakes earlier for the next due job).")
    var poll: Double = 1

    @Option(help: "Seconds a claim holds before another dispatcher may take the job over (renewed every third of it).")
    var lease: Double = 120

    @Option(help: "Seconds before the first retry of a failed attempt; doubled each attempt, at most an hour.")
    var backoff: Double = RetryPolicy.standard.baseDelay

    @Option(help: "This node's id among the dispatchers sharing a PostgreSQL store, in the audit (default: HOSTNAME-PID).")
    var nodeID: String?

    @Option(help: "The format of the log on standard error: text or json (JSON lines).")
    var logFormat: String = LogFormat.text.rawValue

    @Flag(help: "Run one round (everything due now) and exit.")
    var once = false

    @Option(
        help:
            "Replay simulated time from --now to this instant (ISO 8601, not before --now), each post at its own slot, then exit; with --sandbox the sandbox's clock follows. Without --until, --now shifts the clock: it runs on from that instant."
    )
    var until: String?
    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        guard lease >= 0.5 else { throw ValidationError("--lease must be at least 0.5 seconds") }
        guard backoff > 0, poll > 0 else { throw ValidationError("--backoff and --poll must be positive") }
        guard LogFormat(rawValue: logFormat) != nil else { throw ValidationError("--log-format must be text or json") }
        try Self.validateNodeID(nodeID)
    }

    /// Refuses a `--node-id` that would not read as one word in logs, `/healthz` and `/metrics`.
    static func validateNodeID(_ nodeID: String?) throws {
        guard let nodeID else { return }
        guard !nodeID.isEmpty, nodeID.count <= 200, nodeID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { throw ValidationError("--node-id must be 1 to 200 characters without spaces or control characters") }
    }

    func run() throws {
        let access = try options.access()
        let workspace = try access.loadWorkspace()
        let node = nodeID ?? DispatchConfiguration.defaultWorker()
        let log = ServiceLog(format: LogFormat(rawValue: logFormat) ?? .text, level: .info)
        // SIGHUP (`systemctl reload`) must not kill a dispatcher: it has nothing to reload (accounts.yaml and its
        // options are read at start), so it says so and goes on. Installed before the store is held.
        let reload = ReloadSignal()
        reload.install {
            log.relay(
                .notice, "SIGHUP: glocal dispatch has nothing to reload (restart it to read accounts.yaml and its options again)",
                node: node)
        }
        let start = try options.now.map { _ in try options.instant() }
        let replayEnd = try until.map { try WorkspaceOptions.instant($0, option: "--until") }
        try Self.checkReplay(start: start, end: replayEnd)
        let stores = try access.openDispatchStores(nodeID: node)
        let serving = try Self.holdServingLock(access)
        let liveness = try Self.holdLiveness(of: stores.queue, node: node)
        let (endpoints, sandboxURL) = try SandboxEndpoints.parse(sandbox)
        let simulated = SimulatedClock(start ?? Date())
        // Without --until, --now shifts the clock (it runs on from that instant, as serve's and run's do).
        let shifted = try options.shiftedClock()
        var policy = RetryPolicy.standard
        policy.baseDelay = backoff
        let dispatcher = DispatcherSetup.dispatcher(
            configuration: DispatchConfiguration(
                worker: node, concurrency: workers, lease: lease, heartbeat: min(30, lease / 3), grace: grace, policy: policy),
            workspace: workspace, root: access.root, queue: stores.queue, credentials: stores.credentials,
            endpoints: endpoints,
            mediaBaseURL: try ConnectOptions.publicBaseURL(flag: publicURL).map { $0.appendingPathComponent("media/") },
            mediaSigner: try access.mediaURLSigner(),
            clock: { replayEnd == nil ? shifted() : simulated.now }, onAttempt: { log.publishAttempt($0) })
        let stop = StopSignal()
        stop.install(log: log, node: node)
        let done = DispatchSemaphore(value: 0)
        let failure = MessageBox()
        let (once, poll) = (self.once, self.poll)
        Task {
            do {
                if let replayEnd {
                    let sandboxClock = sandboxURL.map { SandboxClockRemote(baseURL: $0) }
                    let replay = DispatchReplay(dispatcher: dispatcher, queue: stores.queue, clock: simulated)
                    // Each line as its outcome is written: a replay stopped by an error or a signal loses none.
                    _ = try await replay.run(
                        until: replayEnd, onStep: { await sandboxClock?.set($0) }, onReport: DispatchReportPrinter.print,
                        shouldStop: { stop.requested })
                } else if once {
                    _ = try await dispatcher.runOnce(onReport: DispatchReportPrinter.print)
                } else {
                    try await NodeDispatchLoop(dispatcher: dispatcher, queue: stores.queue, listener: stores.listener, poll: poll)
                        .run(
                            shouldStop: { stop.requested }, onReport: DispatchReportPrinter.print,
                            onRoundFailure: { DispatchReportPrinter.roundFailed($0, log: log, node: node) })
                }
            } catch { failure.message = String(describing: error) }
            done.signal()
        }
        done.wait()
        withExtendedLifetime((liveness, serving, reload)) {}
        if let message = failure.message { throw CommandFailure.stopped("dispatch stopped", message, log: log, node: node) }
    }

    /// Refuses a replay without a start, or one that would run backwards.
    static func checkReplay(start: Date?, end: Date?) throws {
        guard let end else { return }
        guard let start else { throw CommandFailure(message: "--until needs --now (where the replay starts)") }
        guard end >= start else {
            throw CommandFailure(
                message:
                    "--until \(end.ISO8601Format()) is before --now \(start.ISO8601Format()): a replay runs forward, give an --until after --now"
            )
        }
    }

    /// Holds the SQLite store's serving lock for the dispatcher's life, as `serve` and `run` do: `glocal store restore`
    /// is refused while it runs (`nil` on PostgreSQL, restored with its own tools).
    static func holdServingLock(_ access: WorkspaceAccess) throws -> StoreServingLock? {
        guard access.postgresLocation == nil else { return nil }
        do { return try StoreServingLock.holdShared(forStoreAt: access.databasePath) } catch let error as StoreBackupError {
            throw CommandFailure(message: "\(access.storeDescription): \(error.message)")
        }
    }

    /// Takes `node`'s liveness lock on `queue`'s store for the node's life: while it holds it, no other node rescues
    /// its jobs, whatever their clocks say (docs/operations.md).
    static func holdLiveness(of queue: any PublishJobQueue, node: String) throws -> NodeLivenessLock {
        do { return try queue.nodeLiveness.hold(node) } catch { throw CommandFailure(message: "\(error)") }
    }
}

/// Moves the sandbox's clock along with a replay, so its posts carry their simulated times.
struct SandboxClockRemote: Sendable {
    let baseURL: URL

    let transport = URLSessionTransport(timeout: 5)

    func set(_ instant: Date) async {
        let body = Data("{\"now\":\"\(ISO8601DateFormatter().string(from: instant))\"}".utf8)
        _ = try? await transport.send(
            HTTPRequest(
                method: "POST", url: baseURL.appendingPathComponent("_sandbox/clock"),
                headers: ["Content-Type": "application/json"], body: body))
    }
}

/// Prints one line per job on standard output, each written to the descriptor at once (no buffer): a job's line comes
/// as soon as the job is done with, in order with the log on standard error, and a later SIGKILL loses none.
enum DispatchReportPrinter {
    /// Prints a line per report.
    static func print(_ reports: [JobReport]) { for report in reports { Self.print(report) } }

    /// Prints `report`'s line.
    static func print(_ report: JobReport) { UnbufferedOutput.say(line(report)) }

    /// `published: mastodon/acct variant (4.2 s after its slot)`, or the outcome and why.
    static func line(_ report: JobReport) -> String {
        let outcome = DeliveryWording.outcome(of: report)
        var line = "\(outcome): \(report.network.rawValue)/\(report.accountID) \(report.variantID)"
        if let lateness = report.lateness { line += String(format: " (%.1f s after its slot)", lateness) }
        if let note = report.note { line += " — \(note)" }
        if let reason = report.reason { line += " — \(reason)" }
        return line
    }

    /// Logs that a round failed (the database away) and is tried again.
    static func roundFailed(_ error: any Error, log: ServiceLog, node: String?) {
        log.roundFailed("dispatch round failed, trying again", error: error, node: node)
    }
}

/// Turns SIGTERM and SIGINT into a stop request: no new claims, in-flight posts finish.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    /// Whether a stop was requested.
    var requested: Bool { lock.withLock { flag } }

    /// Requests a stop from inside the process.
    func request() { lock.withLock { flag = true } }

    /// Starts listening for the signals; `log` says when one came.
    func install(log: ServiceLog, node: String?) {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.flag = true }
                log.relay(.notice, "stopping after the posts in flight", node: node)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Carries a failure message out of a task.
final class MessageBox: @unchecked Sendable {
    // Written once before the semaphore is signalled, read after the wait.
    var message: String?
}
