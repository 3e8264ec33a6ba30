import ArgumentParser
import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import GlocalUseCases

/// `glocal collect-metrics`: reads engagement back at +1 h, +24 h and +7 d after publication.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect-metrics",
        abstract: "Read engagement of published posts at +1 h, +24 h and +7 d (one round: run it from cron or a timer).")

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Read from the glocal sandbox at this URL (e.g. http://127.0.0.1:8787) instead of the real networks.")
    var sandbox: String?

    @Option(help: "Checkpoints after publication, comma-separated (s, m, h, d), e.g. 1h,24h,7d.")
    var checkpoints: String = "1h,24h,7d"

    func validate() throws {
        guard Self.parseCheckpoints(checkpoints) != nil else {
            throw ValidationError("--checkpoints '\(checkpoints)': expected durations like 1h,24h,7d")
        }
    }

    func run() throws {
        let access = try options.access()
        let store = try access.openStore(.existing)
        let credentials = try access.credentials(in: store)
        let fixedNow = try options.now.map { _ in try options.instant() }
        let clock: @Sendable () -> Date = { fixedNow ?? Date() }
        let endpoints = try SandboxEndpoints.parse(sandbox).endpoints
        // The API versions glocal.yaml pins, so insights are read in the version posts were sent with.
        let apiVersions = access.workspaceIfReadable()?.settings.apiVersions ?? .none
        let collector = MetricsCollector(
            metrics: store.metrics, publications: store.publishQueue,
            clients: DispatcherSetup.clients(endpoints, clock: clock, apiVersions: apiVersions),
            credentials: credentials,
            checkpoints: Self.parseCheckpoints(checkpoints) ?? MetricsStore.standardCheckpoints, clock: clock)
        let done = DispatchSemaphore(value: 0)
        let failure = MessageBox()
        Task {
            do {
                let readings = try await collector.runOnce()
                for reading in readings { print(reading.line) }
                if readings.isEmpty {
                    let published = try store.metrics.publicationTimes().count
                    print(MetricsIdleLine(publishedPosts: published, next: try store.metrics.nextWaiting(), now: clock()).text)
                }
            } catch { failure.message = String(describing: error) }
            done.signal()
        }
        done.wait()
        if let message = failure.message { throw CommandFailure(message: "metrics collection stopped: \(message)") }
    }

    /// `1h,24h,7d` → seconds; `nil` if any part is not a duration.
    static func parseCheckpoints(_ text: String) -> [Int]? { GlocalDuration.list(text)?.map(\.seconds) }
}
