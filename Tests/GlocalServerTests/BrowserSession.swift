import Foundation
import Hummingbird
import HummingbirdTesting

/// A minimal browser over the test client: keeps cookies, follows nothing, reads CSRF tokens.
struct BrowserSession {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) { self.client = client }

    /// A page's status, headers and text.
    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        /// The value of the first `name="csrf"` hidden field.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        var location: String? { headers[.location] }
    }

    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    mutating func post(_ uri: String, form: [(String, String)]) async throws -> Page {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    /// Sends a form as a browser does: a 303 answer is followed with a GET of its `Location` (as a browser keeps the
    /// fragment to itself, without it). Returns the form's answer and the page shown (the answer itself when it is no
    /// redirect).
    mutating func submit(_ uri: String, form: [(String, String)]) async throws -> (sent: Page, shown: Page) {
        let sent = try await post(uri, form: form)
        guard sent.status == .seeOther, let location = sent.location else { return (sent, sent) }
        return (sent, try await get(String(location.prefix { $0 != "#" })))
    }

    /// Signs in; returns the landing response (a redirect to `/` on success).
    mutating func login(_ email: String, password: String) async throws -> Page {
        let form = try await get("/login")
        return try await post("/login", form: [("csrf", form.csrf ?? ""), ("email", email), ("password", password)])
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = pair.count > 1 ? String(pair[1]) : ""
            if field.contains("Max-Age=0") || value.isEmpty {
                cookies[String(pair[0])] = nil
            } else {
                cookies[String(pair[0])] = value
            }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
