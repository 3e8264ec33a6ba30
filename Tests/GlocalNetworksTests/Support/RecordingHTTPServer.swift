import Foundation
import GlocalTestSupport
#if canImport(Glibc)
    import Glibc
#endif

/// A raw-socket HTTP/1.1 server on loopback that records every byte arriving on every connection
/// and treats each request as told: answer it, answer it then close, or drop the connection after
/// the request head and part of the body. One thread polls all sockets; ``stop()`` drains what the
/// kernel already holds (pending connections, unread bytes) before returning the records, so a
/// request a client sent before it returned is always counted.
final class RecordingHTTPServer: @unchecked Sendable {
    /// What the server does with one request, chosen by its index among all requests received.
    enum Action: Sendable {
        /// A 200 answer; the connection stays open (HTTP/1.1 keep-alive).
        case answer
        /// A 200 answer without `Connection: close`, then the server closes the connection.
        case answerThenClose
        /// The connection is closed once the head and `bodyBytes` bytes of the body arrived, unanswered.
        case drop(bodyBytes: Int)
        /// A `status` (3xx) answer with `Location: location` and an empty body; the connection stays open.
        case redirect(status: Int, location: String)
    }

    /// The port on 127.0.0.1.
    let port: UInt16
    private let listener: Int32
    private let decide: @Sendable (Int) -> Action
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    // Touched only by the server thread until `finished` is signalled.
    private var connections: [Connection] = []
    private var requestCount = 0

    private final class Connection {
        let socket: Int32
        var received: [UInt8] = []
        var parsed = 0
        var open = true
        init(socket: Int32) { self.socket = socket }
    }

    /// Listens on an ephemeral loopback port and starts serving.
    init(decide: @escaping @Sendable (Int) -> Action) throws {
        self.decide = decide
        let (listener, port) = try LoopbackListener.open()
        self.port = port
        self.listener = listener
        Self.makeNonBlocking(listener)
        Thread { [self] in serve() }.start()
    }

    /// Stops serving after draining what already arrived; returns the bytes received on each connection, in order.
    func stop() -> [String] {
        lock.withLock { stopping = true }
        finished.wait()
        return connections.map { String(decoding: $0.received, as: UTF8.self) }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func serve() {
        while !isStopping {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            fds += connections.filter(\.open).map { pollfd(fd: $0.socket, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 20)  // wakes up to notice `stop()`
            pump()
        }
        pump()  // what the kernel holds already: pending connections and unread bytes
        for connection in connections where connection.open { close(connection.socket) }
        close(listener)
        finished.signal()
    }

    /// Accepts every pending connection and reads every available byte, handling complete requests.
    private func pump() {
        while case let socket = accept(listener, nil, nil), socket >= 0 {
            Self.makeNonBlocking(socket)
            connections.append(Connection(socket: socket))
        }
        for connection in connections where connection.open {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while connection.open {
                let count = recv(connection.socket, &chunk, chunk.count, 0)
                if count > 0 {
                    connection.received += chunk[0..<count]
                    handleRequests(on: connection)
                } else {
                    if count == 0 { closeConnection(connection) }  // the client closed
                    break  // EAGAIN: nothing more for now
                }
            }
        }
    }

    private func handleRequests(on connection: Connection) {
        while connection.open, let (headEnd, bodyLength) = Self.head(in: connection.received, from: connection.parsed) {
            // An action is chosen once per request, when its head is complete.
            let action = decide(requestCount)
            let available = connection.received.count - headEnd
            switch action {
            case .drop(let bodyBytes):
                guard available >= min(bodyBytes, bodyLength) else { return }
                requestCount += 1
                closeConnection(connection)
                return
            case .answer, .answerThenClose, .redirect:
                guard available >= bodyLength else { return }
                requestCount += 1
                connection.parsed = headEnd + bodyLength
                var answer = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".utf8)
                if case .redirect(let status, let location) = action {
                    answer = Array("HTTP/1.1 \(status) Redirect\r\nLocation: \(location)\r\nContent-Length: 0\r\n\r\n".utf8)
                }
                _ = answer.withUnsafeBytes { send(connection.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if case .answerThenClose = action { closeConnection(connection) }
            }
        }
    }

    private func closeConnection(_ connection: Connection) {
        connection.open = false
        close(connection.socket)
    }

    /// The offset just past a complete request head starting at `start`, and its `Content-Length`.
    private static func head(in bytes: [UInt8], from start: Int) -> (Int, Int)? {
        guard bytes.count - start >= 4 else { return nil }
        for i in start...(bytes.count - 4) where bytes[i..<(i + 4)].elementsEqual([13, 10, 13, 10]) {
            let head = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            return (i + 4, length)
        }
        return nil
    }

    private static func makeNonBlocking(_ socket: Int32) {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }
}
