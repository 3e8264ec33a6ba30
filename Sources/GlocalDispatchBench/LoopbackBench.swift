import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import GlocalStore

/// (b) Posts through the whole dispatcher (queue on a file, clients, loopback HTTP to the sandbox)
/// against the bare `URLSessionTransport` sending the very same requests, at the same concurrency; then
/// the same requests once more through one reused session (`ReusedSessionTransport`), to price the
/// session (and connection) `URLSessionTransport` opens for every request.
enum LoopbackBench {
    static func run(posts: Int, concurrency: Int) async throws -> [String: Double] {
        let (store, directory) = try BenchStore.newStore(named: "loopback.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let accounts = BenchStore.accounts(max(3, posts / 50))
        let now = Date()
        _ = try BenchStore.approve(posts, accounts: accounts, in: store, slot: { _ in now })
        let credentials = try await BenchStore.connect(accounts, in: store)
        let state = SandboxState()
        return try await SandboxServer(state: state).withRunning { url in
            let recorder = RecordingTransport(URLSessionTransport(timeout: 30))
            let dispatcher = BenchStore.dispatcher(
                store: store, credentials: credentials, url: url, transport: recorder, concurrency: concurrency)
            let dispatchStart = DispatchTime.now().uptimeNanoseconds
            let dispatchCPUStart = processCPUSeconds()
            let dispatchWrittenStart = processWrittenBytes()
            let reports = try await dispatcher.runOnce()
            let dispatchSeconds = Double(DispatchTime.now().uptimeNanoseconds - dispatchStart) / 1e9
            let dispatchCPU = processCPUSeconds() - dispatchCPUStart
            let dispatchWritten = processWrittenBytes() - dispatchWrittenStart
            let published = reports.filter { $0.outcome == "published" }.count
            guard published == posts else { fatalError("published \(published) of \(posts): \(Set(reports.map(\.outcome)))") }
            let requests = recorder.requests
            await state.reset()
            let bare = URLSessionTransport(timeout: 30)
            let bareStart = DispatchTime.now().uptimeNanoseconds
            let bareCPUStart = processCPUSeconds()
            let bareWrittenStart = processWrittenBytes()
            let failures = try await send(requests, through: bare, concurrency: concurrency)
            let bareSeconds = Double(DispatchTime.now().uptimeNanoseconds - bareStart) / 1e9
            let bareCPU = processCPUSeconds() - bareCPUStart
            let bareWritten = processWrittenBytes() - bareWrittenStart
            guard failures == 0 else { fatalError("\(failures) bare requests failed") }
            await state.reset()
            let reused = ReusedSessionTransport(timeout: 30)
            let reusedStart = DispatchTime.now().uptimeNanoseconds
            let reusedCPUStart = processCPUSeconds()
            let reusedFailures = try await send(requests, through: reused, concurrency: concurrency)
            let reusedSeconds = Double(DispatchTime.now().uptimeNanoseconds - reusedStart) / 1e9
            let reusedCPU = processCPUSeconds() - reusedCPUStart
            guard reusedFailures == 0 else { fatalError("\(reusedFailures) requests through the reused session failed") }
            return [
                "posts": Double(posts), "requests": Double(requests.count), "concurrency": Double(concurrency),
                "dispatcher_seconds": dispatchSeconds, "dispatcher_posts_per_second": Double(posts) / dispatchSeconds,
                "bare_seconds": bareSeconds, "bare_posts_per_second": Double(posts) / bareSeconds,
                "ratio": bareSeconds / dispatchSeconds,
                // One reused session against a session (and connection) per request, same requests.
                "reused_session_seconds": reusedSeconds, "reused_session_posts_per_second": Double(posts) / reusedSeconds,
                "reused_session_cpu_seconds": reusedCPU, "session_per_request_cost": bareSeconds / reusedSeconds,
                // CPU time of the whole process (sandbox included) per phase: on a shared machine the
                // wall-clock ratio swings with the neighbours, the CPU cost per post does not.
                "dispatcher_cpu_seconds": dispatchCPU, "bare_cpu_seconds": bareCPU,
                // Bytes written by system calls (sockets both ways, and the store's WAL and file).
                "dispatcher_written_bytes": dispatchWritten, "bare_written_bytes": bareWritten,
            ]
        }
    }

    /// Sends `requests` with `concurrency` in flight; returns how many were not answered 2xx.
    static func send(_ requests: [HTTPRequest], through transport: any HTTPTransport, concurrency: Int) async throws -> Int {
        let next = Counter()
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var failures = 0
                    while let index = next.take(below: requests.count) {
                        let response = try await transport.send(requests[index])
                        if !(200..<300).contains(response.status) { failures += 1 }
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
    }
}

/// Hands out 0, 1, 2, … to concurrent senders.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// User plus system CPU time this process has used so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Bytes this process has written through system calls so far (`wchar` in `/proc/self/io`).
func processWrittenBytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("wchar:") }),
        let value = Double(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces))
    else { return 0 }
    return value
}
