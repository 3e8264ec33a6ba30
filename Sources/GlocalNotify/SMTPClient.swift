import Foundation

/// Sends one message per connection: EHLO, AUTH PLAIN or LOGIN when credentials are set, MAIL
/// FROM, RCPT TO, DATA (dot-stuffed), QUIT. Blocking; `send` runs it off the cooperative pool.
public struct SMTPClient: Sendable {
    /// Where and as whom.
    public let settings: SMTPSettings

    /// A client for `settings`.
    public init(settings: SMTPSettings) { self.settings = settings }

    /// Sends `message`, dated `date`; throws `SMTPError` when the server did not accept it.
    public func send(_ message: MailMessage, date: Date) async throws {
        let settings = self.settings
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.deliver(message, date: date, settings: settings) })
            }
        }
    }

    private static func deliver(_ message: MailMessage, date: Date, settings: SMTPSettings) throws {
        let boundary = "glocal=_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let rendered = try MIMEEncoder.render(message, date: date, boundary: boundary)
        let socket = try SMTPSocket(host: settings.host, port: settings.port, timeout: settings.timeout)
        try expect(socket, 220, step: "the connection")
        try socket.write("EHLO \(settings.clientName)\r\n")
        let extensions = try expect(socket, 250, step: "EHLO").map { $0.uppercased() }
        if let (username, password) = settings.credentials {
            try authenticate(socket, extensions: extensions, username: username, password: password)
        }
        try socket.write("MAIL FROM:<\(SMTPSettings.envelopeAddress(settings.from))>\r\n")
        try expect(socket, 250, step: "MAIL FROM")
        try socket.write("RCPT TO:<\(SMTPSettings.envelopeAddress(message.to))>\r\n")
        try expect(socket, 250, 251, step: "RCPT TO <\(message.to)>")
        try socket.write("DATA\r\n")
        try expect(socket, 354, step: "DATA")
        try socket.write(MIMEEncoder.dotStuffed(rendered) + ".\r\n")
        try expect(socket, 250, step: "the message")
        try? socket.write("QUIT\r\n")
        _ = try? socket.readReply()
    }

    private static func authenticate(_ socket: SMTPSocket, extensions: [String], username: String, password: String) throws {
        let mechanisms = Set(
            extensions.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }.flatMap { $0.dropFirst(5).split(separator: " ") }
                .map(String.init))
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try socket.write("AUTH PLAIN \(token)\r\n")
            try expect(socket, 235, step: "AUTH PLAIN for \(username)")
        } else if mechanisms.contains("LOGIN") {
            try socket.write("AUTH LOGIN\r\n")
            try expect(socket, 334, step: "AUTH LOGIN")
            try socket.write(Data(username.utf8).base64EncodedString() + "\r\n")
            try expect(socket, 334, step: "AUTH LOGIN's user name")
            try socket.write(Data(password.utf8).base64EncodedString() + "\r\n")
            try expect(socket, 235, step: "AUTH LOGIN for \(username)")
        } else {
            throw SMTPError.noSupportedAuthentication
        }
    }

    @discardableResult
    private static func expect(_ socket: SMTPSocket, _ codes: Int..., step: String) throws -> [String] {
        let (code, lines) = try socket.readReply()
        guard codes.contains(code) else {
            throw SMTPError.refused(step: step, code: code, text: lines.joined(separator: " ").prefix(200).description)
        }
        return lines
    }
}
