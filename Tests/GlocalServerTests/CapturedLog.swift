import Logging
import Synchronization

/// A logger whose lines the test reads back: level, message and metadata, as a handler sees them.
final class CapturedLog: Sendable {
    /// One logged line.
    struct Line: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let storage = Mutex<[Line]>([])

    /// Everything logged so far.
    var lines: [Line] { storage.withLock { $0 } }

    /// A logger at `level` writing here.
    func logger(level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "glocal.test") { _ in Handler(log: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: Line) { storage.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            log.append(Line(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
        }
    }
}
