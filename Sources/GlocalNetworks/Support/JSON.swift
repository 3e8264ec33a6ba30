import Foundation
import GlocalCore

/// Read-only access to a parsed JSON answer.
struct JSON {
    let value: Any?

    init(_ value: Any?) { self.value = value }

    /// Parses `data`; an unreadable body is `JSON(nil)`.
    init(data: Data) {
        self.value = data.isEmpty ? nil : JSONParser.parse(data)
    }

    subscript(key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
    subscript(index: Int) -> JSON {
        guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
        return JSON(array[index])
    }

    var string: String? {
        switch value {
        case let string as String: return string
        case let int as Int: return String(int)
        case let double as Double: return String(double)
        default: return nil
        }
    }
    var int: Int? {
        switch value {
        case let int as Int: return int
        case let double as Double: return double.isFinite && abs(double) < 9e18 ? Int(double) : nil
        case let string as String: return Int(string)
        default: return nil
        }
    }
    var array: [JSON] { (value as? [Any])?.map(JSON.init) ?? [] }
    var object: [String: JSON] { ((value as? [String: Any]) ?? [:]).mapValues(JSON.init) }
    var exists: Bool { value != nil && !(value is NSNull) }

    /// Serialises a JSON-compatible value with sorted keys.
    static func encode(_ value: Any) -> Data { Data(JSONText.encode(value).utf8) }

    /// All integer-valued members of an object, as metrics counters.
    var integerMembers: [String: Int] {
        var result: [String: Int] = [:]
        for (key, member) in (value as? [String: Any]) ?? [:] {
            // Numbers only: a counter sent as text is not one.
            if !(member is String), let int = JSON(member).int { result[key] = int }
        }
        return result
    }
}
