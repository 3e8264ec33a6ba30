import Foundation

/// Builds YouTube Data API v3 requests: the bearer token on every call to Google's hosts (or the API's own host,
/// as with the sandbox), never on a URL an answer could name at will.
struct YouTubeRequests: Sendable {
    /// `https://www.googleapis.com`: `/youtube/v3/…` and `/upload/youtube/v3/…` live there.
    let base: URL
    let token: String

    /// `method base/path?query` with an optional JSON body.
    func request(_ method: String, _ path: String, query: [(String, String)] = [], json: Any? = nil) -> HTTPRequest {
        var headers = ["Authorization": "Bearer \(token)"]
        if json != nil { headers["Content-Type"] = "application/json; charset=UTF-8" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base, path: path, query: query), headers: headers, body: json.map(JSON.encode))
    }

    /// A `PUT` to a resumable session URI: `bytes` (a chunk, or nothing for a status query) with `Content-Range`.
    func put(_ session: URL, bytes: Data, contentRange: String) -> HTTPRequest {
        var headers = ["Content-Range": contentRange, "Content-Length": String(bytes.count)]
        let host = session.host?.lowercased() ?? ""
        if host == base.host?.lowercased() || host == "googleapis.com" || host.hasSuffix(".googleapis.com") {
            headers["Authorization"] = "Bearer \(token)"
        }
        return HTTPRequest(method: "PUT", url: session, headers: headers, body: bytes)
    }
}
