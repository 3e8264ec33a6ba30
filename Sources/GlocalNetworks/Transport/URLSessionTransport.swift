import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl on Linux), with a per-request timeout.
///
/// A request is never sent twice. libcurl re-sends a request on a new connection when a reused
/// keep-alive connection dies before any answer (and, under FoundationNetworking, without its body),
/// even when the request said `Connection: close` but the server kept the connection open. So every
/// request gets a session of its own (libcurl's connection cache lives in the session), hence a
/// fresh connection that nothing else can reuse, and says `Connection: close`: a connection lost
/// once the request left is reported as ``TransportError/connectionLost(_:)``, an unknown outcome
/// the caller reconciles, never re-sent. Nor is a redirect followed: a 3xx answer is returned as it
/// came (``RedirectRefusal``), and the client makes a failure of it (``HTTPRedirect``).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // The class holds only immutable state; each request builds its own session from it.
    private let configuration: URLSessionConfiguration
    /// Seconds to wait for a complete answer.
    public let timeout: TimeInterval

    /// Creates a transport whose requests give up after `timeout` seconds.
    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        self.configuration = configuration
        self.timeout = timeout
    }

    /// Sends the request; maps URLSession errors onto ``TransportError``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // Last, so no caller header can turn keep-alive (and libcurl's silent re-send) back on.
        urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        let session = URLSession(configuration: configuration, delegate: RedirectRefusal.shared, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (data, response) = try await session.data(for: urlRequest, delegate: RedirectRefusal.shared)
            guard let http = response as? HTTPURLResponse else { throw TransportError.connectionLost("not an HTTP answer") }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as TransportError {
            throw error
        } catch let error as URLError {
            throw Self.classify(error.code, url: request.url, timeout: timeout)
        } catch {
            throw TransportError.connectionLost(String(describing: type(of: error)))
        }
    }

    /// Which URL errors prove that the request never left; anything else may have reached the server. Each is said in
    /// plain words with the server's host:port (never the URL's path or query), not as a URL error number.
    static func classify(_ code: URLError.Code, url: URL, timeout: TimeInterval) -> TransportError {
        let server = address(of: url)
        switch code {
        case .timedOut:
            return .timedOut("no answer from \(server) within \(Int(timeout.rounded())) s")
        case .cannotConnectToHost:
            return .notSent("cannot connect to \(server): connection refused")
        case .cannotFindHost, .dnsLookupFailed:
            return .notSent("cannot connect to \(server): the host name \(url.host ?? "?") does not resolve")
        case .notConnectedToInternet:
            return .notSent("cannot connect to \(server): this machine has no network connection")
        case .badURL, .unsupportedURL:
            return .notSent("cannot call \(server): the address is not an http(s) URL glocal can call")
        case .secureConnectionFailed:
            return .notSent("cannot set up TLS with \(server): the TLS handshake failed")
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
            .serverCertificateNotYetValid:
            return .notSent("cannot set up TLS with \(server): its certificate is not trusted")
        case .networkConnectionLost:
            return .connectionLost("\(server) closed the connection before answering")
        default:
            return .connectionLost("the connection to \(server) failed before an answer (URL error \(code.rawValue))")
        }
    }

    /// `host:port` of `url`, the scheme's port when it names none.
    static func address(of url: URL) -> String {
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return "\(url.host ?? "?"):\(port)"
    }
}
