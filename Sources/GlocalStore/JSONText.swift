/// Writes the store's small JSON values by hand into one buffer: compact, keys in sorted order,
/// slashes unescaped — the same text `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes`
/// writes, at a fraction of the cost (applying 200 000 variants writes 600 000 of these).
struct JSONText {
    /// The JSON written so far.
    private(set) var text = ""

    init(capacity: Int) { text.reserveCapacity(capacity) }

    /// Appends raw JSON punctuation or an already-encoded value.
    mutating func raw(_ json: String) { text.append(json) }

    /// Appends a JSON string literal.
    mutating func string(_ value: String) {
        text.append("\"")
        // Most texts need no escaping: check the bytes once and copy.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text.append(value)
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text.append("\\\"")
                case "\\": text.append("\\\\")
                case "\n": text.append("\\n")
                case "\r": text.append("\\r")
                case "\t": text.append("\\t")
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        text.append("\"")
    }

    /// Appends a string literal or `null`.
    mutating func optional(_ value: String?) {
        if let value { string(value) } else { text.append("null") }
    }

    /// Appends `"key":`.
    mutating func key(_ name: String, first: Bool = false) {
        if !first { text.append(",") }
        string(name)
        text.append(":")
    }

    /// Appends an array of string literals.
    mutating func array(_ items: [String]) {
        text.append("[")
        for (index, item) in items.enumerated() {
            if index > 0 { text.append(",") }
            string(item)
        }
        text.append("]")
    }

    /// A JSON array of strings.
    static func array(_ items: [String]) -> String {
        var json = JSONText(capacity: 16 + items.reduce(0) { $0 + $1.utf8.count + 3 })
        json.array(items)
        return json.text
    }
}
