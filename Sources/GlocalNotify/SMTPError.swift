/// Why a message could not be sent. The descriptions name the step and the server's answer, never
/// a password.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached (resolution, connection refused, timeout while connecting).
    case unreachable(String)
    /// The connection broke or stayed silent past the timeout.
    case connection(String)
    /// The server refused a step: the command, its code and its text.
    case refused(step: String, code: Int, text: String)
    /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case noSupportedAuthentication
    /// The message cannot be written (a header with a line break, an empty address).
    case invalidMessage(String)

    /// A one-line description for logs, `/healthz` and the outbox.
    public var description: String {
        switch self {
        case .unreachable(let why): return "SMTP server unreachable: \(why)"
        case .connection(let why): return "SMTP connection failed: \(why)"
        case .refused(let step, let code, let text): return "SMTP server refused \(step): \(code) \(text)"
        case .noSupportedAuthentication: return "SMTP server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .invalidMessage(let why): return "invalid message: \(why)"
        }
    }
}
