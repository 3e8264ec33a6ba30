/// A text or link with `{variables}`, parsed once and rendered many times (once per account).
public struct Template: Sendable {
    /// A piece of a template.
    public enum Segment: Sendable {
        /// Text copied as is (`{{` and `}}` already turned into braces).
        case literal(String)
        /// A `{name}` to fill, at `offset` Unicode scalars from the start, `length` scalars long.
        case variable(name: String, offset: Int, length: Int)
    }

    /// The pieces, in order.
    public let segments: [Segment]

    /// Parses `text`; malformed braces are kept as literal text (``TemplateRenderer/scan(_:)`` reports them).
    public init(_ text: String) {
        guard text.utf8.contains(UInt8(ascii: "{")) || text.utf8.contains(UInt8(ascii: "}")) else {
            segments = [.literal(text)]
            return
        }
        var segments: [Segment] = []
        var literal = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if (c == "{" || c == "}"), i + 1 < scalars.count, scalars[i + 1] == c {
                literal.append(c)
                i += 2
            } else if c == "{", let close = scalars[(i + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" || $0 == "\n" }),
                scalars[close] == "}"
            {
                if !literal.isEmpty {
                    segments.append(.literal(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).trimmingSpaces()
                segments.append(.variable(name: name, offset: i, length: close - i + 1))
                i = close + 1
            } else {
                literal.append(c)
                i += 1
            }
        }
        if !literal.isEmpty { segments.append(.literal(String(literal))) }
        self.segments = segments
    }

    /// Whether the template uses any of `names`.
    public func usesAny(of names: Set<String>) -> Bool {
        segments.contains { if case let .variable(n, _, _) = $0 { return names.contains(n) } else { return false } }
    }

    /// Whether the template uses `{name}`.
    public func uses(_ name: String) -> Bool {
        segments.contains { if case let .variable(n, _, _) = $0 { return n == name } else { return false } }
    }

    /// Fills the variables from `value`; a known variable without a value is reported and left as written.
    public func render(_ value: (String) -> String?) -> (text: String, missing: [TemplateRenderer.Problem]) {
        if segments.count == 1, case let .literal(text) = segments[0] { return (text, []) }
        var output = ""
        var missing: [TemplateRenderer.Problem] = []
        for segment in segments {
            switch segment {
            case let .literal(text):
                output += text
            case let .variable(name, offset, length):
                if let filled = value(name), !filled.isEmpty || TemplateRenderer.optionalVariables.contains(name) {
                    output += filled
                } else {
                    if TemplateRenderer.variables.contains(name) {
                        missing.append(TemplateRenderer.Problem(kind: .missingValue(name), offset: offset, length: length))
                    }
                    output += "{" + name + "}"
                }
            }
        }
        return (output, missing)
    }
}
