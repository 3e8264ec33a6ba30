import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A raw TCP connection to `127.0.0.1:port`, for sending requests cut short and watching the server
/// close them. Blocking calls run on their own thread, never on the test's cooperative pool.
final class LoopbackConnection: @unchecked Sendable {
    let descriptor: Int32
    /// When the connection was opened (before `connect`).
    let openedAt = ContinuousClock.now

    init(port: Int) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ConnectionFailure(message: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, size) }
        }
        guard result == 0 else {
            close(descriptor)
            throw ConnectionFailure(message: "connect to port \(port): errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `text` as it is (no line endings added).
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { buffer in
            #if canImport(Glibc)
                Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            #else
                Darwin.send(descriptor, buffer.baseAddress, buffer.count, 0)
            #endif
        }
        guard sent == bytes.count else {
            throw ConnectionFailure(message: "send: \(sent) of \(bytes.count) bytes, errno \(errno)")
        }
    }

    /// What happened to each connection: when the server closed it (after it was opened) and what it
    /// had sent before; `closedAfter` is nil for a connection still open when `limit` ran out.
    struct Outcome: Sendable {
        var received: [UInt8] = []
        var closedAfter: Duration?
        var text: String { String(decoding: received, as: UTF8.self) }
    }

    /// Reads every connection until the server closes it, or until `limit` has passed; returns as
    /// soon as all are closed. One thread polls them all.
    static func waitForClose(_ connections: [LoopbackConnection], limit: Duration) async -> [Outcome] {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: pollUntilClosed(connections, limit: limit)) }.start()
        }
    }

    private static func pollUntilClosed(_ connections: [LoopbackConnection], limit: Duration) -> [Outcome] {
        var outcomes = Array(repeating: Outcome(), count: connections.count)
        let deadline = ContinuousClock.now + limit
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let open = connections.indices.filter { outcomes[$0].closedAfter == nil }
            if open.isEmpty { break }
            var descriptors = open.map { pollfd(fd: connections[$0].descriptor, events: Int16(POLLIN), revents: 0) }
            let remaining = deadline - ContinuousClock.now
            let left = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
            let milliseconds = Int32(max(1, min(1_000, left)))
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready <= 0 { continue }
            for (slot, index) in open.enumerated() where descriptors[slot].revents != 0 {
                let count = recv(connections[index].descriptor, &buffer, buffer.count, 0)
                if count > 0 {
                    outcomes[index].received += buffer[0..<count]
                } else {
                    // 0: orderly close; < 0: reset. Either way the server is done with it.
                    outcomes[index].closedAfter = ContinuousClock.now - connections[index].openedAt
                }
            }
        }
        return outcomes
    }
}

struct ConnectionFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
