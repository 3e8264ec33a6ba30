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
