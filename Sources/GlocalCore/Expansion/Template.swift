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

    private init(segments: [Segment]) { self.segments = segments }

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

    /// The offsets and lengths (in Unicode scalars) of each `{name}`.
    public func occurrences(of name: String) -> [(offset: Int, length: Int)] {
        segments.compactMap { segment in
            guard case let .variable(n, offset, length) = segment, n == name else { return nil }
            return (offset, length)
        }
    }

    /// The template without its `{name}`s, each taking along the spaces and tabs just before it, and at the start of
    /// a line those just after it too: a `{link}` published outside the text leaves no gap (`A {link} B` → `A B`,
    /// `{link} B` → `B`). Other variables keep their offsets.
    public func removing(_ name: String) -> Template {
        guard uses(name) else { return self }
        var result: [Segment] = []
        var trimNextStart = false
        for segment in segments {
            switch segment {
            case let .variable(n, _, _) where n == name:
                trimNextStart = false
                guard case let .literal(before)? = result.last else {
                    // At the start of the text (after another variable, the space belongs to that one).
                    trimNextStart = result.isEmpty
                    continue
                }
                var scalars = before.unicodeScalars
                while let last = scalars.last, Self.isSpaceOrTab(last) { scalars.removeLast() }
                result[result.count - 1] = .literal(String(scalars))
                trimNextStart = scalars.last.map(YAMLLineCounter.isBreak) ?? (result.count == 1)
            case let .literal(text) where trimNextStart:
                trimNextStart = false
                result.append(.literal(String(text.unicodeScalars.drop(while: Self.isSpaceOrTab))))
            default:
                trimNextStart = false
                result.append(segment)
            }
        }
        return Template(segments: result)
    }

    private static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// Fills the variables from `value`; a known variable without a value is reported and left as written.
    /// Past `limit` UTF-8 bytes it stops filling: `text` is then cut short and `overflow` says by how much.
    public func render(limit: Int = NumberRanges.maximumFilledTextBytes, _ value: (String) -> String?) -> Rendering {
        if segments.count == 1, case let .literal(text) = segments[0] {
            let bytes = text.utf8.count
            return Rendering(text: text, missing: [], overflow: bytes > limit ? Overflow(bytes: bytes, largest: nil) : nil)
        }
        var output = ""
        var missing: [TemplateRenderer.Problem] = []
        var total = 0, largest: (name: String, bytes: Int)? = nil
        for segment in segments {
            let piece: String
            switch segment {
            case let .literal(text):
                piece = text
            case let .variable(name, offset, length):
                if let filled = value(name), !filled.isEmpty || TemplateRenderer.optionalVariables.contains(name) {
                    piece = filled
                    if filled.utf8.count > largest?.bytes ?? 0 { largest = (name, filled.utf8.count) }
                } else {
                    if TemplateRenderer.variables.contains(name) {
                        missing.append(TemplateRenderer.Problem(kind: .missingValue(name), offset: offset, length: length))
                    }
                    piece = "{" + name + "}"
                }
            }
            // `utf8.count` is O(1) on native strings: the total is known without building what is past the limit.
            total += piece.utf8.count
            if total <= limit { output += piece }
        }
        let overflow = total > limit ? Overflow(bytes: total, largest: largest) : nil
        return Rendering(text: output, missing: missing, overflow: overflow)
    }

    /// A filled template.
    public struct Rendering: Sendable {
        /// The text (cut short when it overflows).
        public var text: String
        /// Known variables that had no value.
        public var missing: [TemplateRenderer.Problem]
        /// Set when the text would pass the limit.
        public var overflow: Overflow?
    }

    /// A filled template past the limit: how long it would be, and its longest filled variable.
    public struct Overflow: Sendable, Equatable {
        /// The UTF-8 bytes the whole text would have.
        public var bytes: Int
        /// The variable whose value is the longest (`nil`: no variable was filled).
        public var largestVariable: String?
        /// That value's UTF-8 bytes.
        public var largestVariableBytes: Int

        init(bytes: Int, largest: (name: String, bytes: Int)?) {
            self.bytes = bytes
            largestVariable = largest?.name
            largestVariableBytes = largest?.bytes ?? 0
        }
    }
}
