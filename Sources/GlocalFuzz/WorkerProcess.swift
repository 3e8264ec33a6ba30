import Foundation

/// A running worker, seen from the driver: its report lines (read with a timeout), its standard error
/// (kept in a file, as a crashing worker's backtrace can be long) and how it ended.
final class WorkerProcess {
    /// What waiting for the next report line gave.
    enum Event: Equatable {
        case line(String)
        case timeout
        case ended
    }

    let process = Process()
    let errorLog: URL
    private let reports = Pipe()
    private var buffer: [UInt8] = []

    init(arguments: [String], errorLog: URL, environment: [String: String]) throws {
        self.errorLog = errorLog
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = reports
        process.standardError = try FileHandle(forWritingTo: errorLog)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The next report line, or `.timeout` when none came within `seconds`, or `.ended` when the worker closed it.
    func next(timeout seconds: Double) -> Event {
        let descriptor = reports.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(max(0, seconds))
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .timeout }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000) + 1)
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return .ended }
            buffer += chunk[..<count]
        }
    }

    /// The worker's standard error so far.
    var errors: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    /// Whether the worker is writing a crash report (it then needs time to finish, not a kill).
    var isCrashing: Bool {
        let text = errors
        return text.contains("Fatal error") || text.contains("Program crashed")
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits for the worker to end, at most `seconds` (then kills it); returns the signal that ended it, if any.
    func waitForEnd(seconds: Double) -> (signal: Int32?, status: Int32) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        kill()
        process.waitUntilExit()
        let bySignal = process.terminationReason == .uncaughtSignal
        return (bySignal ? process.terminationStatus : nil, process.terminationStatus)
    }
}
