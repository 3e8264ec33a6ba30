/// Why a transport produced no answer.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request never reached the server (no connection): safe to retry.
    case notSent(String)
    /// No answer within the timeout (said in plain words, with the server's host:port): the server may have acted on
    /// the request.
    case timedOut(String)
    /// The connection broke after the request was sent: the server may have acted on it.
    case connectionLost(String)

    /// A description without URLs' queries or headers.
    public var description: String {
        switch self {
        case .notSent(let reason): return "request not sent: \(reason)"
        case .timedOut(let reason): return reason
        case .connectionLost(let reason): return "connection lost after sending: \(reason)"
        }
    }
}
