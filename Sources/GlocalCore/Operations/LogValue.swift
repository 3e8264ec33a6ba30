/// A value of a log line's field: text or a number (JSON lines keep numbers as numbers).
public enum LogValue: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction, such as a duration in milliseconds.
    case number(Double)

    /// The value as written in a text line (text with spaces or quotes is quoted).
    var textForm: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return Self.decimal(value)
        case .text(let value):
            let plain = !value.isEmpty && !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline })
            if plain { return value }
            var json = JSONText(capacity: value.utf8.count + 2)
            json.string(value)
            return json.text
        }
    }

    /// The value as JSON.
    var jsonForm: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return value.isFinite ? Self.decimal(value) : "null"
        case .text(let value):
            var json = JSONText(capacity: value.utf8.count + 2)
            json.string(value)
            return json.text
        }
    }

    /// At most three decimals, without trailing zeros: `12.5`, `3`.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
