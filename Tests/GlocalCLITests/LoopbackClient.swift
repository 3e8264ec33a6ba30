import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Requests to one server over loopback as a signed-in browser would send them, but following no redirect (a 303 is
/// an answer to look at) and keeping no cookie but the one given.
final class LoopbackClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    let base: URL
    let cookie: String
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    /// An answer: status, headers (names lowercased) and body as text.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    init(base: URL, cookie: String) {
        self.base = base
        self.cookie = cookie
    }

    /// GET `path`, with the session cookie unless `signedIn` is false.
    func get(_ path: String, signedIn: Bool = true) async throws -> Answer {
        try await send(URLRequest(url: URL(string: base.absoluteString + path)!), signedIn: signedIn)
    }

    /// POST `form` (URL-encoded) to `path` with the session cookie.
    func post(_ path: String, form: String) async throws -> Answer {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
        return try await send(request, signedIn: true)
    }

    private func send(_ request: URLRequest, signedIn: Bool) async throws -> Answer {
        var request = request
        if signedIn { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Answer(status: http.statusCode, headers: headers, body: String(decoding: data, as: UTF8.self))
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
