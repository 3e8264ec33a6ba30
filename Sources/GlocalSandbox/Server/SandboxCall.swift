import Foundation
import Hummingbird

/// A request's body and parameters, read once.
struct SandboxCall: Sendable {
    let method: String
    let path: String
    let headers: [String: String]
    let query: [String: String]
    /// Every query parameter in order, repeated names included (`uris=a&uris=b`: an XRPC array).
    let queryItems: [(name: String, value: String)]
    let body: Data

    static func read(_ request: Request) async throws -> SandboxCall {
        // Room for the largest single-request upload a network documents (Mastodon's 99 MiB video, plus the form).
        let buffer = try await request.body.collect(upTo: 110_000_000)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        var queryItems: [(name: String, value: String)] = []
        for (key, value) in request.uri.queryParameters {
            query[String(key)] = String(value)
            queryItems.append((String(key), String(value)))
        }
        return SandboxCall(
            method: request.method.rawValue, path: request.uri.path, headers: headers, query: query, queryItems: queryItems,
            body: Data(buffer.readableBytesView))
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    /// Form fields from the body, then the query.
    var form: [String: String] {
        var fields = query
        for (name, value) in Self.formPairs(bodyText) { fields[name] = value }
        return fields
    }

    /// The pairs of a form-encoded text in order, repeated names included (`media_ids[]=1&media_ids[]=2`).
    static func formPairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    /// The access token of a Graph call (Facebook, Instagram, Threads): the `Authorization: Bearer` header, else the
    /// `access_token` parameter Meta documents (query, form or multipart body).
    var graphToken: String? {
        if let bearer { return bearer }
        let token = query["access_token"] ?? field("access_token")
        return token?.isEmpty == false ? token : nil
    }

    /// The bearer token, if any.
    var bearer: String? {
        guard let value = headers["authorization"], value.hasPrefix("Bearer ") else { return nil }
        let token = String(value.dropFirst(7))
        return token.isEmpty ? nil : token
    }

    /// The client id and secret of an HTTP Basic `Authorization` header (`id:secret`, base64), if any.
    var basicCredentials: (id: String, secret: String)? {
        guard let value = headers["authorization"], value.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(value.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let id = String(decoded[..<colon]), secret = String(decoded[decoded.index(after: colon)...])
        return id.isEmpty || secret.isEmpty ? nil : (id, secret)
    }

    /// The account a token stands for: the text before `~` (`alice~token-1` is `alice`).
    var tokenAccount: String? { bearer.map { String($0.split(separator: "~", maxSplits: 1).first ?? Substring($0)) } }
}
