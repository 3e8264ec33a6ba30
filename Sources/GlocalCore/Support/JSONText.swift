/// Writes the store's small JSON values by hand into one buffer: compact, keys in sorted order,
/// slashes unescaped — the same text `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes`
/// writes, at a fraction of the cost (applying 200 000 variants writes 600 000 of these; every post
/// sent carries a request body).
public struct JSONText: Sendable {
    /// The JSON written so far.
    public private(set) var text = ""

    /// Starts an empty buffer with room for `capacity` bytes.
    public init(capacity: Int) { text.reserveCapacity(capacity) }

    /// Appends raw JSON punctuation or an already-encoded value.
    public mutating func raw(_ json: String) { text.append(json) }

    /// Appends a JSON string literal.
    public mutating func string(_ value: String) {
        text.append("\"")
        // Copy the runs between the bytes that need escaping (all ASCII, so every run boundary is a
        // character boundary): most texts need none, post texts often have a few line breaks.
        let bytes = value.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                text.append(contentsOf: value[runStart..<index])
                text.append(Self.escape(byte))
                runStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        text.append(contentsOf: value[runStart...])
        text.append("\"")
    }

    /// The JSON escape of an ASCII control character, quote or backslash.
    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// Appends a string literal or `null`.
    public mutating func optional(_ value: String?) {
        if let value { string(value) } else { text.append("null") }
    }

    /// Appends `"key":`.
    public mutating func key(_ name: String, first: Bool = false) {
        if !first { text.append(",") }
        string(name)
        text.append(":")
    }

    /// Appends an array of string literals.
    public mutating func array(_ items: [String]) {
        text.append("[")
        for (index, item) in items.enumerated() {
            if index > 0 { text.append(",") }
            string(item)
        }
        text.append("]")
    }

    /// A JSON array of strings.
    public static func array(_ items: [String]) -> String {
        var json = JSONText(capacity: 16 + items.reduce(0) { $0 + $1.utf8.count + 3 })
        json.array(items)
        return json.text
    }

    /// Appends a JSON-compatible value built of `String`, `Bool`, `Int`, `Double`, `NSNull`, arrays
    /// and `[String: Any]` dictionaries (keys sorted). Anything else is written as `null`.
    public mutating func value(_ value: Any) {
        switch value {
        case let string as String: self.string(string)
        case let bool as Bool: text.append(bool ? "true" : "false")
        case let int as Int: text.append(String(int))
        case let double as Double: text.append(double.isFinite ? "\(double)" : "null")
        case let object as [String: Any]:
            text.append("{")
            for (index, key) in object.keys.sorted().enumerated() {
                self.key(key, first: index == 0)
                self.value(object[key]!)
            }
            text.append("}")
        case let items as [Any]:
            text.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { text.append(",") }
                self.value(item)
            }
            text.append("]")
        default: text.append("null")
        }
    }

    /// `value` as compact JSON text with sorted keys.
    public static func encode(_ value: Any) -> String {
        var json = JSONText(capacity: 256)
        json.value(value)
        return json.text
    }
}
