import Foundation
import GlocalCore

/// How to reach the operator's SMTP server: `smtp://host:port`, the sender, optional credentials
/// (from the environment only), and whether plain SMTP to a non-loopback host is allowed.
///
/// glocal speaks SMTP without TLS (no STARTTLS): a server that is not on this machine is refused
/// unless the operator says `--smtp-insecure` (for a relay on a trusted network).
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

    /// Reads `url` (`smtp://host[:port]`, port 25 by default) and checks it; `insecure` allows a
    /// non-loopback host. Throws a message fit for the command line (never containing a password).
    public init(
        url text: String, from: String, username: String? = nil, password: String? = nil, insecure: Bool = false,
        timeout: TimeInterval = 30, clientName: String = "glocal.localhost"
    ) throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty
        else { throw SMTPSettingsError("the SMTP URL '\(Self.redacted(text))' is not smtp://host:port") }
        guard scheme == "smtp" else {
            throw SMTPSettingsError(
                "the SMTP URL's scheme is '\(scheme)': glocal speaks plain smtp:// only (no TLS); see docs/operations.md")
        }
        guard url.user == nil, url.password == nil else {
            throw SMTPSettingsError(
                "the SMTP URL carries credentials: give them as GLOCAL_SMTP_USERNAME and GLOCAL_SMTP_PASSWORD instead")
        }
        let port = url.port ?? 25
        guard (1...65535).contains(port) else { throw SMTPSettingsError("the SMTP port \(port) is out of range") }
        guard insecure || Self.isLoopback(host) else {
            throw SMTPSettingsError(
                "\(host) is not this machine and glocal sends without TLS: use a local relay, or --smtp-insecure on a trusted network"
            )
        }
        let address = Self.envelopeAddress(from)
        guard !from.isEmpty, from.allSatisfy({ $0.isASCII && !$0.isNewline }), address.contains("@") else {
            throw SMTPSettingsError("the sender '\(from)' is not an e-mail address (--mail-from or GLOCAL_MAIL_FROM)")
        }
        switch (username, password) {
        case (let user?, let secret?) where !user.isEmpty && !secret.isEmpty: credentials = (user, secret)
        case (nil, nil), ("", ""), (nil, ""), ("", nil): credentials = nil
        default:
            throw SMTPSettingsError("set both GLOCAL_SMTP_USERNAME and GLOCAL_SMTP_PASSWORD, or neither")
        }
        self.host = host
        self.port = port
        self.from = from
        self.timeout = timeout
        self.clientName = clientName
    }

    /// Whether `host` is this machine (`localhost`, 127.0.0.0/8, `::1`).
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The bare address of `Name <address>`, or `text` itself.
    static func envelopeAddress(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[text.index(after: open)..<close])
    }

    private static func redacted(_ text: String) -> String { URLPasswordMask.masked(text) }
}

/// A bad SMTP setting, told as one sentence.
public struct SMTPSettingsError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to do.
    public let description: String
    init(_ description: String) { self.description = description }
}
