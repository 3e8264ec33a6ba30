/// One value of a copied row as both stores read it, and its canonical bytes: a row's checksum is the
/// SHA-256 of these, so SQLite's and PostgreSQL's copies of a row hash the same only if every value is the same.
public enum StoreCellValue: Sendable, Equatable {
    /// NULL.
    case null
    /// Text or JSON, byte for byte.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A flag.
    case boolean(Bool)
    /// An instant, as ``StoreInstantText`` writes it canonically (microseconds, UTC).
    case instant(String)
    /// Bytes.
    case bytes([UInt8])

    /// Appends the canonical bytes of `row` to `output`: each value tagged with its kind, texts and bytes
    /// with their length, so two different rows never write the same bytes; a newline ends the row.
    public static func appendCanonical(_ row: [StoreCellValue], to output: inout [UInt8]) {
        for value in row { value.appendCanonical(to: &output) }
        output.append(UInt8(ascii: "\n"))
    }

    private func appendCanonical(to output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(UInt8(ascii: "N"))
        case .text(let text):
            output.append(UInt8(ascii: "T"))
            output.append(contentsOf: "\(text.utf8.count):".utf8)
            output.append(contentsOf: text.utf8)
        case .integer(let number):
            output.append(contentsOf: "I\(number);".utf8)
        case .boolean(let flag):
            output.append(contentsOf: (flag ? "B1" : "B0").utf8)
        case .instant(let text):
            output.append(UInt8(ascii: "D"))
            output.append(contentsOf: text.utf8)
        case .bytes(let bytes):
            output.append(UInt8(ascii: "X"))
            output.append(contentsOf: "\(bytes.count):".utf8)
            output.append(contentsOf: bytes)
        }
    }

    /// A short description for an error message: the kind, never the value (it may be a post's text or a sealed secret).
    public var kindDescription: String {
        switch self {
        case .null: return "NULL"
        case .text: return "text"
        case .integer: return "an integer"
        case .boolean: return "a boolean"
        case .instant: return "an instant"
        case .bytes: return "bytes"
        }
    }
}
