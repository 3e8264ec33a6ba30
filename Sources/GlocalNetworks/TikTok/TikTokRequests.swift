import Foundation

/// Builds TikTok API v2 requests: bearer token and `application/json; charset=UTF-8` on calls to
/// `open.tiktokapis.com` (or the API's own host, as with the sandbox); an upload URL gets the token only on TikTok's
/// hosts.
struct TikTokRequests: Sendable {
    let base: URL
    let token: String

    /// `POST base/path?query` with a JSON body.
    func post(_ path: String, query: [(String, String)] = [], json: Any? = nil) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: path, query: query),
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json; charset=UTF-8"],
            body: json.map(JSON.encode))
    }

    /// One chunk `PUT` to the `upload_url` TikTok answered.
    func put(_ url: URL, chunk: Data, range: Range<Int>, total: Int, mimeType: String) -> HTTPRequest {
        var headers = [
            "Content-Type": mimeType, "Content-Length": String(chunk.count),
            "Content-Range": "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(total)",
        ]
        let host = url.host?.lowercased() ?? ""
        if host == base.host?.lowercased() || host.hasSuffix(".tiktokapis.com") { headers["Authorization"] = "Bearer \(token)" }
        return HTTPRequest(method: "PUT", url: url, headers: headers, body: chunk)
    }
}
