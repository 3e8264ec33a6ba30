import Foundation
import GlocalNetworks
import GlocalSandbox

/// A running sandbox and raw HTTP calls to it, for checking its answers byte for byte (no client involved).
struct SandboxCalls: Sendable {
    let base: URL
    let state: SandboxState
    private let transport = URLSessionTransport(timeout: 60)

    /// 2026-12-01 09:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_796_115_600)

    /// Starts a sandbox on a free port with its clock stopped at ``start``, runs `body`, stops it.
    static func run(_ body: @Sendable (SandboxCalls) async throws -> Void) async throws {
        let state = SandboxState(now: start)
        try await SandboxServer(state: state).withRunning { url in try await body(SandboxCalls(base: url, state: state)) }
    }

    /// One answer: status, headers, body and the body read as JSON.
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var contentType: String { headers["content-type"] ?? "" }
    }

    /// Sends a call with a bearer token (`nil`: none); `json` is encoded, `form` form-encoded, `raw` sent as is.
    func call(
        _ method: String, _ path: String, token: String? = nil, json: Any? = nil, form: [(String, String)]? = nil,
        raw: (Data, String)? = nil, headers extra: [String: String] = [:]
    ) async throws -> Answer {
        var headers = extra
        if let token { headers["Authorization"] = "Bearer \(token)" }
        var body: Data?
        if let json {
            body = try JSONSerialization.data(withJSONObject: json)
            headers["Content-Type"] = "application/json"
        } else if let form {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            body = Data(
                form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
                    .joined(separator: "&").utf8)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        } else if let raw {
            body = raw.0
            headers["Content-Type"] = raw.1
        }
        let url = URL(string: base.absoluteString.hasSuffix("/") ? base.absoluteString + path : base.absoluteString + "/" + path)!
        let response = try await transport.send(HTTPRequest(method: method, url: url, headers: headers, body: body))
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// A `multipart/form-data` body with text fields and one file.
    static func multipart(fields: [(String, String)], file: (name: String, type: String, bytes: Data)) -> (Data, String) {
        let boundary = "sandbox-test-boundary"
        var data = Data()
        for (name, value) in fields {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        let disposition = "Content-Disposition: form-data; name=\"\(file.name)\"; filename=\"f\""
        data.append(Data("--\(boundary)\r\n\(disposition)\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
        data.append(file.bytes)
        data.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (data, "multipart/form-data; boundary=\(boundary)")
    }
}
