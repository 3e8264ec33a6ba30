import Foundation

/// The file `SlowCallQueue` appends to, shared by the nodes of one bench process.
final class SlowCallLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    /// The log named by `GLOCAL_BENCH_SLOW_CALLS`, created if need be; `nil` when it is not set.
    static let fromEnvironment: SlowCallLog? = {
        guard let path = ProcessInfo.processInfo.environment["GLOCAL_BENCH_SLOW_CALLS"], !path.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        return SlowCallLog(handle: handle)
    }()

    private init(handle: FileHandle) { self.handle = handle }

    func write(_ at: Date, _ node: String, _ call: String, _ seconds: TimeInterval, _ detail: String) {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss.SSS"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let line =
            [formatter.string(from: at), node, call, String(format: "%.3f", seconds), detail].joined(separator: "\t") + "\n"
        lock.withLock { handle.write(Data(line.utf8)) }
    }
}
