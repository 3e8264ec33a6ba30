import Foundation

/// An HTTP request as a client builds it, independent of the transport.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    public var method: String
    /// The absolute URL.
    public var url: URL
    /// Header fields; names are matched case-insensitively by transports.
    public var headers: [String: String]
    /// The body, if any.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Method and URL without its query (which may carry an access token), never the headers.
    public var description: String {
        var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        parts?.query = nil
        return "\(method) \(parts?.string ?? "<url>")"
    }
}
