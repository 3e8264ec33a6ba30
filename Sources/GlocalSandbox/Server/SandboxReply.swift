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
