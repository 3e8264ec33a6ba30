import Foundation

/// Read-only access to a parsed JSON answer.
struct JSON {
    let value: Any?

    init(_ value: Any?) { self.value = value }

    /// Parses `data`; an unreadable body is `JSON(nil)`.
    init(data: Data) {
        self.value = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    subscript(key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
    subscript(index: Int) -> JSON {
        guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
        return JSON(array[index])
    }

    var string: String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
        return nil
    }
    var int: Int? {
        if let number = value as? NSNumber { return number.intValue }
        if let string = value as? String { return Int(string) }
        return nil
    }
    var array: [JSON] { (value as? [Any])?.map(JSON.init) ?? [] }
    var object: [String: JSON] { ((value as? [String: Any]) ?? [:]).mapValues(JSON.init) }
    var exists: Bool { value != nil && !(value is NSNull) }

    /// Serialises a JSON-compatible value with sorted keys.
    static func encode(_ value: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// All integer-valued members of an object, as metrics counters.
    var integerMembers: [String: Int] {
        var result: [String: Int] = [:]
        for (key, member) in (value as? [String: Any]) ?? [:] {
            if let number = member as? NSNumber, !(member is Bool) { result[key] = number.intValue }
        }
        return result
    }
}
