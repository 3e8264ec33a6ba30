import Foundation
import GlocalNetworks

/// A tight timeout only on the calls that store a post, so a loaded machine cannot time out the other calls.
struct SplitTimeoutTransport: HTTPTransport {
    let storing: URLSessionTransport
    let other: URLSessionTransport

    static let storingSuffixes = [
        "/2/tweets", "com.atproto.repo.createRecord", "/api/v1/statuses", "/rest/posts", "/feed", "media_publish",
        "threads_publish", "/webhook/posts",
    ]

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let stores = request.method == "POST" && Self.storingSuffixes.contains { request.url.path.hasSuffix($0) }
        return try await (stores ? storing : other).send(request)
    }
}
