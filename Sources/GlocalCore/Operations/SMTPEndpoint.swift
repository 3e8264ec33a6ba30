import Foundation

/// Where and as whom glocal sends e-mail: the SMTP server, the sender, whether plain SMTP to a server that is not on
/// this machine is allowed, and the user name for AUTH. Decided once, from the resolved settings, for
/// `glocal config check`, `serve` and `run` alike, so the check can never pass a setup the service then refuses.
///
/// glocal speaks SMTP without TLS (no STARTTLS): a server that is not on this machine is refused unless the operator
/// opts in (`smtp.insecure`, `--smtp-insecure`, `GLOCAL_SMTP_INSECURE`) for a relay on a trusted network.
public struct SMTPEndpoint: Sendable, Equatable {
    /// The server's host name or address.
    public let host: String
    /// The server's port.
    public let port: Int
    /// The `From` header and envelope sender.
    public let from: String
    /// Whether a server that is not on this machine was allowed.
    public let insecure: Bool
    /// The user name for AUTH (the password then comes from the environment); `nil`: no AUTH.
    public let username: String?

    /// Why the SMTP settings cannot be used, and which setting is at fault.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The URL is not `smtp://host[:port]` (shown without its password).
        case notAURL(String)
        /// The URL's scheme is not `smtp` (`smtps`, `submission`…).
        case scheme(String)
        /// The URL carries a user or a password.
        case credentialsInURL
        /// The port is not a whole number from 1 to 65535.
        case port(String)
        /// The host is not this machine and the insecure opt-in is not given.
        case notThisMachine(String)
        /// A server is set but no sender.
        case noSender
        /// The sender is not an e-mail address.
        case senderNotAnAddress(String)
        /// A user name without a password, or a password without a user name.
        case halfCredentials

        /// One sentence: what is wrong and what to do (never a password).
        public var description: String {
            switch self {
            case .notAURL(let shown): return "the SMTP URL '\(shown)' is not smtp://host:port"
            case .scheme(let scheme):
                return "the SMTP URL's scheme is '\(scheme)': glocal speaks plain smtp:// only (no TLS); "
                    + "send through a local relay that forwards over TLS (docs/operations.md, Notifications)"
            case .credentialsInURL:
                return "the SMTP URL carries credentials: give them as GLOCAL_SMTP_USERNAME (or smtp.user) and "
                    + "GLOCAL_SMTP_PASSWORD (or smtp.password_env) instead"
            case .port(let text): return "the SMTP port must be a whole number from 1 to 65535, not '\(text)'"
            case .notThisMachine(let host):
                return "\(host) is not this machine and glocal sends without TLS: use a local relay (smtp://127.0.0.1:25), "
                    + "or on a trusted network set smtp.insecure: true (--smtp-insecure, GLOCAL_SMTP_INSECURE=true)"
            case .noSender: return "an SMTP server is set but no sender: give smtp.from, --mail-from or GLOCAL_MAIL_FROM"
            case .senderNotAnAddress(let from):
                return "the sender '\(from)' is not an e-mail address (smtp.from, --mail-from or GLOCAL_MAIL_FROM)"
            case .halfCredentials:
                return "an SMTP user name and password go together: set both GLOCAL_SMTP_USERNAME (or smtp.user) and "
                    + "GLOCAL_SMTP_PASSWORD (or the variable smtp.password_env names), or neither"
            }
        }
    }

    /// The host and port an `smtp://host[:port]` URL names (port 25 by default).
    public static func server(url text: String) throws(Problem) -> (host: String, port: Int) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty
        else { throw .notAURL(URLPasswordMask.masked(text)) }
        guard scheme == "smtp" else { throw .scheme(scheme) }
        guard url.user == nil, url.password == nil else { throw .credentialsInURL }
        let port = url.port ?? 25
        guard (1...65_535).contains(port) else { throw .port(String(port)) }
        return (host, port)
    }

    /// Decides the endpoint from the settings as resolved: `host` and `port` (text, as given), the sender, the
    /// insecure opt-in, and the credentials (the password only as whether one is given: it is never kept here).
    public init(host: String, port: String, from: String?, insecure: Bool, username: String?, hasPassword: Bool)
        throws(Problem)
    {
        guard let number = Int(port), (1...65_535).contains(number) else { throw .port(port) }
        guard let from, !from.isEmpty else { throw .noSender }
        guard from.allSatisfy({ $0.isASCII && !$0.isNewline }), Self.envelopeAddress(from).contains("@") else {
            throw .senderNotAnAddress(from)
        }
        guard insecure || Self.isThisMachine(host) else { throw .notThisMachine(host) }
        let user = username.flatMap { $0.isEmpty ? nil : $0 }
        guard (user != nil) == hasPassword else { throw .halfCredentials }
        self.host = host
        self.port = number
        self.from = from
        self.insecure = insecure
        self.username = user
    }

    /// Whether `host` is this machine (`localhost`, 127.0.0.0/8, `::1`).
    public static func isThisMachine(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The bare address of `Name <address>`, or `text` itself.
    public static func envelopeAddress(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[text.index(after: open)..<close])
    }

    /// The insecure opt-in as written: `true`/`false` (also `1`/`0`, as environment variables often are); `nil`
    /// for anything else.
    public static func insecureFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }
}
