import Foundation
import HTTPTypes
import Hummingbird

/// Builds sandbox answers.
enum SandboxReply {
    struct Dropped: Error {}

    static func json(
        _ status: Int, _ object: Any, headers: [(String, String)] = [], contentType: String = "application/json"
    ) -> Response {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return raw(status, data, contentType: contentType, headers: headers)
    }

    static func raw(_ status: Int, _ data: Data, contentType: String?, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        for (name, value) in headers { if let name = HTTPField.Name(name) { fields[name] = value } }
        return Response(
            status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
    }

    static func encodable<Value: Encodable>(_ value: Value) -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return raw(200, (try? encoder.encode(value)) ?? Data(), contentType: "application/json")
    }

    /// An answer whose body never comes: the connection closes after the headers.
    static func dropped() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(contentLength: 64) { _ in throw Dropped() })
    }
}

/// A request's body and parameters, read once.
struct SandboxCall: Sendable {
    let method: String
    let path: String
    let headers: [String: String]
    let query: [String: String]
    let body: Data

    static func read(_ request: Request) async throws -> SandboxCall {
        let buffer = try await request.body.collect(upTo: 50_000_000)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        return SandboxCall(
            method: request.method.rawValue, path: request.uri.path, headers: headers, query: query,
            body: Data(buffer.readableBytesView))
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    /// Form fields from the body, then the query.
    var form: [String: String] {
        var fields = query
        for pair in bodyText.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    /// The bearer token, if any.
    var bearer: String? {
        guard let value = headers["authorization"], value.hasPrefix("Bearer ") else { return nil }
        let token = String(value.dropFirst(7))
        return token.isEmpty ? nil : token
    }

    /// The account a token stands for: the text before `~` (`alice~token-1` is `alice`).
    var tokenAccount: String? { bearer.map { String($0.split(separator: "~", maxSplits: 1).first ?? Substring($0)) } }
}
