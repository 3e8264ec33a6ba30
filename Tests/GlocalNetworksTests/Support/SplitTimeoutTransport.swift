import Foundation
import GlocalNetworks

/// A tight timeout only on the calls that store a post, so a loaded machine cannot time out the other calls.
struct SplitTimeoutTransport: HTTPTransport {
    let storing: URLSessionTransport
    let other: URLSessionTransport

    static let storingSuffixes = [
        "/2/tweets", "com.atproto.repo.createRecord", "/api/v1/statuses", "/rest/posts", "/feed", "media_publish",
        "threads_publish", "/webhook/posts", "/photos", "/videos", "/v5/pins", "/localPosts",
    ]

    /// An unpublished Facebook photo (`published=false`, form or multipart) is an upload, not the post.
    static func isUnpublishedPhoto(_ request: HTTPRequest) -> Bool {
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        return body.contains("published=false") || body.contains("name=\"published\"\r\n\r\nfalse")
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let stores =
            request.method == "POST" && Self.storingSuffixes.contains { request.url.path.hasSuffix($0) }
            && !Self.isUnpublishedPhoto(request)
        return try await (stores ? storing : other).send(request)
    }
}
