import GlocalCore
import Yams

/// How a plain or quoted scalar's value lies in its source, so that a caret on one of its characters (the first
/// that no longer fits, a `{city}` with no value) lands on that character, or falls back to the scalar's start.
///
/// Only a value read on one line, character for character, maps offsets to columns. A plain or quoted scalar
/// folded over several lines has no line break in its value (each break reads as a space), so the value alone
/// cannot tell; the source can.
enum ScalarLayout: Equatable {
    /// On one line, each character of the value at its own column: offset `k` is column `start + k`.
    case verbatim
    /// On one line, but escapes (`\"`, `''`) shift the columns.
    case oneLine
    /// Over several lines.
    case severalLines

    /// The layout of `value`, written in `style`, whose source starts at `source`: the line from the opening quote
    /// (quoted) or the value's first character (plain) onwards.
    static func of(_ value: String, style: Node.Scalar.Style, source: Substring.UnicodeScalarView) -> ScalarLayout {
        let quote: Unicode.Scalar?
        switch style {
        case .plain: quote = nil
        case .singleQuoted: quote = "'"
        case .doubleQuoted: quote = "\""
        default: return .severalLines  // block scalars start on the next line
        }
        var rest = source[...]
        if let quote {
            guard rest.first == quote else { return .severalLines }
            rest = rest.dropFirst()
        }
        var matches = true
        var index = rest.startIndex
        for scalar in value.unicodeScalars {
            guard index < rest.endIndex, rest[index] == scalar, !YAMLLineCounter.isBreak(scalar) else {
                matches = false
                break
            }
            index = rest.index(after: index)
        }
        guard let quote else {
            // A plain scalar has no escapes: a value that differs from its line goes on to the next lines.
            return matches ? .verbatim : .severalLines
        }
        if matches, index < rest.endIndex, rest[index] == quote,
            quote == "\"" || rest.index(after: index) == rest.endIndex || rest[rest.index(after: index)] != "'"
        {
            return .verbatim
        }
        // Find the closing quote, skipping escapes: a line break before it means several lines.
        var i = rest.startIndex
        while i < rest.endIndex {
            let scalar = rest[i]
            if YAMLLineCounter.isBreak(scalar) { return .severalLines }
            let next = rest.index(after: i)
            if quote == "\"", scalar == "\\" {
                guard next < rest.endIndex else { return .severalLines }
                // `\` at the end of a line continues the text on the next one.
                if YAMLLineCounter.isBreak(rest[next]) { return .severalLines }
                i = rest.index(after: next)
            } else if scalar == quote {
                guard quote == "'", next < rest.endIndex, rest[next] == "'" else { return .oneLine }
                i = rest.index(after: next)
            } else {
                i = next
            }
        }
        return .severalLines
    }
}
