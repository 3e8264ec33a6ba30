import Foundation

extension SandboxCall {
    /// One part of a `multipart/form-data` body.
    struct Part {
        let name: String
        /// The part's file name, `nil` for a text field.
        let filename: String?
        let contentType: String?
        let bytes: Data
    }

    /// The parts of a `multipart/form-data` body in order (none for another body).
    var multipartParts: [Part] {
        guard let type = headers["content-type"], let range = type.range(of: "boundary=") else { return [] }
        let boundary = Data("--\(type[range.upperBound...].trimmingCharacters(in: .init(charactersIn: "\"")))".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var parts: [Part] = []
        var start = body.startIndex
        while let next = body.range(of: boundary, in: start..<body.endIndex) {
            defer { start = next.upperBound }
            guard let headerEnd = body.range(of: separator, in: next.upperBound..<body.endIndex) else { continue }
            let partHeaders = String(decoding: body[next.upperBound..<headerEnd.lowerBound], as: UTF8.self)
            guard let name = Self.quoted("name", in: partHeaders) else { continue }
            let end = body.range(of: boundary, in: headerEnd.upperBound..<body.endIndex)?.lowerBound ?? body.endIndex
            let bytes = body[headerEnd.upperBound..<max(headerEnd.upperBound, end - 2)]
            let contentType = partHeaders.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
                .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
            parts.append(
                Part(name: name, filename: Self.quoted("filename", in: partHeaders), contentType: contentType, bytes: Data(bytes))
            )
        }
        return parts
    }

    /// The value of `key="…"` in a part's `Content-Disposition`.
    private static func quoted(_ key: String, in headers: String) -> String? {
        guard let range = headers.range(of: "[; ]\(key)=\"[^\"]*\"", options: .regularExpression) else { return nil }
        return String(headers[range].drop { $0 != "\"" }.dropFirst().dropLast())
    }

    /// The bytes and content type of the file field `name` of a `multipart/form-data` body.
    func multipartFile(named name: String) -> (bytes: Data, contentType: String?)? {
        multipartParts.first { $0.name == name }.map { ($0.bytes, $0.contentType) }
    }

    /// The body's fields in order, repeated names included: a form-encoded or multipart body's (a multipart file
    /// part as its bytes read as text), else none.
    var bodyPairs: [(name: String, value: String)] {
        if isMultipart { return multipartParts.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) } }
        guard headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true else { return [] }
        return Self.formPairs(bodyText)
    }
}

extension SandboxCall {
    /// Whether the body is `multipart/form-data`.
    var isMultipart: Bool { headers["content-type"]?.hasPrefix("multipart/form-data") == true }

    /// A field of the body, multipart or form-encoded (then also the query).
    func field(_ name: String) -> String? {
        guard isMultipart else { return form[name] }
        return multipartFile(named: name).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The body as the sandbox stores it: form text as received; for multipart, the text fields form-encoded in
    /// `names` order and each file as `N bytes` with its type (`source=3%20bytes%20image%2Fjpeg`).
    func storedBody(fields names: [String], files: [String]) -> String {
        guard isMultipart else { return bodyText }
        var pairs: [(name: String, value: String)] = []
        for name in names { if let value = field(name) { pairs.append((name, value)) } }
        for name in files {
            guard let file = multipartFile(named: name) else { continue }
            pairs.append((name, "\(file.bytes.count) bytes \(file.contentType ?? "")"))
        }
        return Self.formEncoded(pairs)
    }

    /// Pairs form-encoded (`a=1&b=x%20y`), each name and value percent-escaped but for `-._~` and alphanumerics.
    static func formEncoded(_ pairs: [(name: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return pairs.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }
}
