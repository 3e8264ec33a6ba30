import Foundation

extension SandboxCall {
    /// The bytes and content type of the file field `name` of a `multipart/form-data` body.
    func multipartFile(named name: String) -> (bytes: Data, contentType: String?)? {
        guard let type = headers["content-type"], let range = type.range(of: "boundary=") else { return nil }
        let boundary = Data("--\(type[range.upperBound...].trimmingCharacters(in: .init(charactersIn: "\"")))".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var start = body.startIndex
        while let next = body.range(of: boundary, in: start..<body.endIndex) {
            defer { start = next.upperBound }
            guard let headerEnd = body.range(of: separator, in: next.upperBound..<body.endIndex) else { continue }
            let partHeaders = String(decoding: body[next.upperBound..<headerEnd.lowerBound], as: UTF8.self)
            guard partHeaders.contains("name=\"\(name)\"") else { continue }
            let end = body.range(of: boundary, in: headerEnd.upperBound..<body.endIndex)?.lowerBound ?? body.endIndex
            let bytes = body[headerEnd.upperBound..<max(headerEnd.upperBound, end - 2)]
            let contentType = partHeaders.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
                .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
            return (Data(bytes), contentType)
        }
        return nil
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
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        var pairs: [String] = []
        for name in names { if let value = field(name) { pairs.append("\(escape(name))=\(escape(value))") } }
        for name in files {
            guard let file = multipartFile(named: name) else { continue }
            pairs.append("\(escape(name))=\(escape("\(file.bytes.count) bytes \(file.contentType ?? "")"))")
        }
        return pairs.joined(separator: "&")
    }
}
