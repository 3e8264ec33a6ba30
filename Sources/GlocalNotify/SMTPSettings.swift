import Foundation
import GlocalCore

/// How to reach the operator's SMTP server: an ``SMTPEndpoint`` (server, sender, the insecure opt-in, the user name)
/// with the AUTH password (from the environment only), the timeout of each step and the name said in `EHLO`.
public struct SMTPSettings: Sendable {
    /// The server's host name or address.
    public let host: String
    /// The server's port.
    public let port: Int
    /// The `From` header and envelope sender.
    public let from: String
    /// The user name and password for AUTH, when both are set.
    public let credentials: (username: String, password: String)?
    /// Seconds each step (connect, each answer, each write) may take.
    public let timeout: TimeInterval
    /// The name said in `EHLO`.
    public let clientName: String

    /// The settings of `endpoint` (as `SMTPEndpoint` decided them), with the AUTH password when it names a user.
    public init(
        endpoint: SMTPEndpoint, password: String?, timeout: TimeInterval = 30, clientName: String = "glocal.localhost"
    ) {
        host = endpoint.host
        port = endpoint.port
        from = endpoint.from
        credentials = endpoint.username.flatMap { user in password.flatMap { $0.isEmpty ? nil : (user, $0) } }
        self.timeout = timeout
        self.clientName = clientName
    }

    /// Reads `url` (`smtp://host[:port]`, port 25 by default) and checks it as ``SMTPEndpoint`` does; `insecure`
    /// allows a server that is not on this machine. Throws a message fit for the command line (never a password).
    public init(
        url text: String, from: String, username: String? = nil, password: String? = nil, insecure: Bool = false,
        timeout: TimeInterval = 30, clientName: String = "glocal.localhost"
    ) throws {
        let endpoint: SMTPEndpoint
        do {
            let server = try SMTPEndpoint.server(url: text)
            endpoint = try SMTPEndpoint(
                host: server.host, port: String(server.port), from: from, insecure: insecure, username: username,
                hasPassword: !(password ?? "").isEmpty)
        } catch { throw SMTPSettingsError(error.description) }
        self.init(endpoint: endpoint, password: password, timeout: timeout, clientName: clientName)
    }

    /// Whether `host` is this machine (`localhost`, 127.0.0.0/8, `::1`).
    public static func isLoopback(_ host: String) -> Bool { SMTPEndpoint.isThisMachine(host) }

    /// The bare address of `Name <address>`, or `text` itself.
    static func envelopeAddress(_ text: String) -> String { SMTPEndpoint.envelopeAddress(text) }
}

/// A bad SMTP setting, told as one sentence.
public struct SMTPSettingsError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to do.
    public let description: String
    init(_ description: String) { self.description = description }
}
