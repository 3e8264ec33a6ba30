import Foundation

/// Builds LinkedIn REST requests: bearer token, `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0` on every one.
struct LinkedInRequests: Sendable {
    let base: URL
    let version: String
    let token: String

    private var headers: [String: String] {
        ["Authorization": "Bearer \(token)", "LinkedIn-Version": version, "X-Restli-Protocol-Version": "2.0.0"]
    }

    /// `method base/path?query` with an optional JSON body.
    func request(_ method: String, _ path: String, query: [(String, String)] = [], json: Any? = nil) -> HTTPRequest {
        var headers = headers
        if json != nil { headers["Content-Type"] = "application/json" }
        return HTTPRequest(
            method: method, url: FormEncoding.url(base, path: path, query: query), headers: headers, body: json.map(JSON.encode))
    }

    /// A `PUT` of `bytes` to an upload URL LinkedIn answered. The token goes only to LinkedIn's own hosts (or the
    /// API's host, as with the sandbox), never to a host an answer could name at will.
    func upload(_ url: URL, bytes: Data, mimeType: String) -> HTTPRequest {
        var headers = headers
        let host = url.host?.lowercased() ?? ""
        if !(host == base.host?.lowercased() || host == "linkedin.com" || host.hasSuffix(".linkedin.com")) {
            headers["Authorization"] = nil
        }
        headers["Content-Type"] = mimeType
        return HTTPRequest(method: "PUT", url: url, headers: headers, body: bytes)
    }
}
