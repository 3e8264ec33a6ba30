import Foundation
import GlocalCore

/// The service's log: lines at or above `level`, written as `format` (text or JSON lines), one per line,
/// from any thread. Callers pass only what may be logged (ids, statuses, durations; never tokens,
/// cookies or bodies).
public final class ServiceLog: Sendable {
    /// How lines are written.
    public let format: LogFormat
    /// The lowest level written.
    public let level: LogLevel
    private let clock: @Sendable () -> Date
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()

    /// A log writing `format` lines at or above `level` to `write` (default: standard error).
    public init(
        format: LogFormat, level: LogLevel, clock: @escaping @Sendable () -> Date = { Date() },
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.format = format
        self.level = level
        self.clock = clock
        self.write = write
    }

    /// Writes `line` if its level is at or above the log's.
    public func log(_ line: LogLine) {
        guard line.level >= level else { return }
        let text = line.rendered(format) + "\n"
        lock.withLock { write(text) }
    }

    /// Writes a line made now.
    public func log(_ level: LogLevel, _ message: String, _ fields: [(name: String, value: LogValue)] = []) {
        log(LogLine(time: clock(), level: level, message: message, fields: fields))
    }

    /// The current instant on the log's clock.
    public var now: Date { clock() }
}
