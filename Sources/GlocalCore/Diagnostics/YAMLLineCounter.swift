/// Counts lines and columns the way libyaml, glocal's YAML parser, does, so an excerpt quotes the line a
/// diagnostic's position names.
///
/// YAML 1.1 ends a line at LF, CR LF, a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029). An editor may
/// show a lone CR or U+2028 on the line before it, but libyaml's positions count it as a break, and every
/// position glocal reports comes from libyaml or is counted to match it. Columns count Unicode scalars.
public struct YAMLLineCounter: Sendable {
    /// The 1-based line of the next scalar.
    public private(set) var line = 1
    /// The 1-based column (in Unicode scalars) of the next scalar.
    public private(set) var column = 1
    /// Whether the last scalar was a CR, so an LF right after it belongs to the same break.
    private var afterCarriageReturn = false

    /// Starts at line 1, column 1.
    public init() {}

    /// Moves past `scalar`; returns whether it is part of a line break (for a CR LF, both are).
    @discardableResult
    public mutating func advance(past scalar: Unicode.Scalar) -> Bool {
        defer { afterCarriageReturn = scalar == "\r" }
        if scalar == "\n" && afterCarriageReturn { return true }
        guard Self.isBreak(scalar) else {
            column += 1
            return false
        }
        line += 1
        column = 1
        return true
    }

    /// Whether `scalar` ends a line on its own, or starts a CR LF.
    public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The line and column of the scalar at `offset` bytes into `text`'s UTF-8 (the end of the text when past it).
    public static func position(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
        var counter = YAMLLineCounter()
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            counter.advance(past: scalar)
            consumed += UTF8.width(scalar)
        }
        return (counter.line, counter.column)
    }
}
