/// Writes the store's small JSON values by hand: compact, keys in sorted order, slashes unescaped —
/// the same text `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes` writes, at a fraction of
/// the cost (applying 200 000 variants encodes 600 000 of these).
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        // Most texts need no escaping: check the bytes once and copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A string or `null`.
    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    /// An array of strings.
    static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }

    /// An object from already-encoded values; `pairs` must be given in sorted key order.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
