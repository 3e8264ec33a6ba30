import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP connection that reads CRLF lines and writes text, every step bounded by a deadline.
final class SMTPSocket {
    private let descriptor: Int32
    private let timeout: TimeInterval
    private var buffer: [UInt8] = []

    /// Connects to `host`:`port` within `timeout` seconds (each later read or write gets as long).
    init(host: String, port: Int, timeout: TimeInterval) throws {
        self.timeout = timeout
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SMTPError.unreachable("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            if let error = Self.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, timeout: timeout) {
                lastError = error
                close(fd)
                continue
            }
            descriptor = fd
            return
        }
        throw SMTPError.unreachable("\(host):\(port): \(lastError)")
    }

    deinit { close(descriptor) }

    /// Reads one reply (every line of a multi-line one): its code and its lines' texts.
    func readReply() throws -> (code: Int, lines: [String]) {
        var lines: [String] = []
        while true {
            let line = try readLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw SMTPError.connection("unexpected answer '\(line.prefix(80))'")
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { return (code, lines) }
        }
    }

    /// Writes `text` entirely.
    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        let deadline = Date().addingTimeInterval(timeout)
        while sent < bytes.count {
            try wait(for: Int16(POLLOUT), until: deadline)
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { throw SMTPError.connection("the server closed the connection while we wrote") }
            sent += count
        }
    }

    private func readLine() throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if buffer.count > 64 * 1024 { throw SMTPError.connection("an answer line longer than 64 KiB") }
            try wait(for: Int16(POLLIN), until: deadline)
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { throw SMTPError.connection("the server closed the connection") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private func wait(for events: Int16, until deadline: Date) throws {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { throw SMTPError.connection("no answer within \(Int(timeout)) s") }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining * 1000, 60_000)) + 1)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw SMTPError.connection(String(cString: strerror(errno))) }
        }
    }

    /// Connects `fd` without blocking past `timeout`; the error's text, or nil when connected.
    private static func connect(
        _ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t, timeout: TimeInterval
    )
        -> String?
    {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        #if canImport(Glibc)
            let started = Glibc.connect(fd, address, length)
        #else
            let started = Darwin.connect(fd, address, length)
        #endif
        if started == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)) }
        var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&entry, 1, Int32(timeout * 1000))
        if ready == 0 { return "no connection within \(Int(timeout)) s" }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
        return error == 0 ? nil : String(cString: strerror(error))
    }
}
