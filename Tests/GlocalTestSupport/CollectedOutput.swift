import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a child printed on the pipes the test collects, appended by one reader thread per pipe and readable at any
/// time: everything in the order it came, and each stream on its own.
final class CollectedOutput: @unchecked Sendable {
    /// A collected stream.
    enum Stream {
        case output
        case error
    }

    /// Guards the buffers and `reading`; signalled whenever they change.
    private let condition = NSCondition()
    private var all: [UInt8] = []
    private var output: [UInt8] = []
    private var error: [UInt8] = []
    /// The streams whose pipe has not reached its end yet.
    private var reading: Set<Stream> = []

    /// Reads `descriptor` on a thread of its own until end of file, then closes it.
    func read(_ descriptor: Int32, as stream: Stream) {
        condition.withLock { _ = reading.insert(stream) }
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                condition.withLock {
                    all += chunk[..<count]
                    switch stream {
                    case .output: output += chunk[..<count]
                    case .error: error += chunk[..<count]
                    }
                    condition.broadcast()
                }
            }
            close(descriptor)
            condition.withLock {
                reading.remove(stream)
                condition.broadcast()
            }
        }
        thread.name = "ChildProcess reader"
        thread.start()
    }

    /// Waits until every pipe reached end of file: every process that held its writing end closed it or ended.
    func waitForEndOfFile() {
        condition.withLock {
            while !reading.isEmpty { condition.wait() }
        }
    }

    /// Waits until `stream` holds a whole line or reached its end; returns its first line without the newline, or nil
    /// when it ended without one.
    func firstLine(of stream: Stream) -> String? {
        condition.withLock {
            while true {
                let bytes = stream == .output ? output : error
                if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    return String(decoding: bytes[..<newline], as: UTF8.self)
                }
                guard reading.contains(stream) else { return nil }
                condition.wait()
            }
        }
    }

    /// Everything read so far, both streams in the order they came.
    var printed: String { condition.withLock { String(decoding: all, as: UTF8.self) } }

    /// What was read so far of `stream`.
    func text(of stream: Stream) -> String {
        condition.withLock { String(decoding: stream == .output ? output : error, as: UTF8.self) }
    }
}
