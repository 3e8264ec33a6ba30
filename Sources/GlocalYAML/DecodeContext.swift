import GlocalCore
import Yams

/// What decoders of one file share: its path and where diagnostics go.
struct DecodeContext {
    let file: String
    let collector: DiagnosticCollector
    /// Whether messages quote the values they describe; not in the service configuration, where a value in the
    /// wrong place may be a secret pasted by mistake.
    var quotesValues = true
    /// The file's text, for the rare checks that need more than the node tree.
    var source: String = "" {
        didSet {
            byteOrderMarks = []
            guard source.unicodeScalars.contains("\u{FEFF}") else { return }
            var counter = YAMLLineCounter()
            for scalar in source.unicodeScalars {
                if scalar == "\u{FEFF}" { byteOrderMarks.insert(TextPosition(line: counter.line, column: counter.column)) }
                counter.advance(past: scalar)
            }
        }
    }
    /// Where U+FEFF stands in the text (line, and column in Unicode scalars), found in one pass per file: the
    /// check at each string's start is then a lookup, even in a locale of 15 000 strings.
    private(set) var byteOrderMarks: Set<TextPosition> = []

    /// A line and a column, both 1-based.
    struct TextPosition: Hashable {
        let line: Int
        let column: Int
    }

    /// The location of a node, spanning its text on the line when it is a scalar.
    func location(of node: Node) -> SourceLocation {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
        var length = 1
        if case let .scalar(scalar) = node {
            length = scalar.string.unicodeScalars.count
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { length += 2 }
            if scalar.string.containsASCII("\n") || scalar.style == .literal || scalar.style == .folded { length = 1 }
        }
        return SourceLocation(file: file, line: line, column: column, length: length)
    }

    /// A short description of what a node is, for "expected X, found Y".
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if isNull(node) { return "nothing" }
            let isNumber = scalar.style == .plain && PlainNumber.integer(scalar.string) != nil
            if !quotesValues { return isNumber ? "a number" : "a text (not shown)" }
            if isNumber { return "the number \(DiagnosticText.cut(scalar.string))" }
            if scalar.style == .plain, let yaml11 = Self.yaml11Int(node) {
                // 010, 0x10, 1_0, 1:00: a number to YAML 1.1 tools, which glocal does not read as one.
                return "'\(DiagnosticText.cut(scalar.string))', which YAML 1.1 tools read as \(yaml11)"
            }
            if scalar.style == .plain, node.bool != nil {
                // YAML 1.1's yes, no, on, off: booleans to some tools, text to YAML 1.2 and to glocal.
                return ["true", "false"].contains(scalar.string.lowercased())
                    ? "the boolean \(scalar.string)" : "'\(scalar.string)' (write true or false)"
            }
            return "the text '\(DiagnosticText.cut(scalar.string))'"
        }
    }

    /// What YAML 1.1 tools read as an integer (Yams' `Node.int`), except that a sexagesimal one (`1:30`) is read
    /// here with its overflow checked: Yams traps on `1:9223372036854775807` (a fuzzer's finding).
    static func yaml11Int(_ node: Node) -> Int? {
        guard case let .scalar(scalar) = node else { return nil }
        guard scalar.string.contains(":") else { return node.int }
        return sexagesimal(scalar.string)
    }

    /// YAML 1.1's base 60 integer, `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`; `nil` for anything else or past `Int`.
    static func sexagesimal(_ text: String) -> Int? {
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let head = parts.first, head.first.map({ ("1"..."9").contains($0) }) == true,
            head.allSatisfy({ $0 == "_" || $0.isASCII && $0.isNumber })
        else { return nil }
        var value = 0
        for (index, part) in parts.enumerated() {
            let plain = index == 0 ? part.filter { $0 != "_" } : Substring(part)
            guard let number = Int(plain), number >= 0 else { return nil }
            if index > 0, !(1...2).contains(part.count) || !part.allSatisfy({ $0.isASCII && $0.isNumber }) || number > 59 {
                return nil
            }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: index == 0 ? 1 : 60)
            let (sum, overflowB) = shifted.addingReportingOverflow(number)
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return sign * value
    }

    /// Whether a node is YAML null (`~`, `null` or nothing).
    func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// `key` holds no number as glocal writes them (``PlainNumber``): plain decimal digits, unquoted.
    func numberMismatch(_ node: Node, expected: String, for key: String, isNumber: (String) -> Bool) {
        var notes: [String] = []
        if case let .scalar(scalar) = node, !isNull(node) {
            if scalar.style != .plain, isNumber(scalar.string) {
                notes.append("in quotes a number is text: remove the quotes")
            } else if scalar.style == .plain, PlainNumber.decimal(scalar.string) == nil,
                Self.yaml11Int(node) != nil || node.float != nil || Double(scalar.string) != nil
            {
                notes.append(
                    "write numbers in plain decimal digits (such as \(expected == "a number" ? "0.2" : "10")), "
                        + "without a leading 0, '_', ':', or a 0x, 0o or 0b prefix")
            }
        }
        collector.error(
            .typeMismatch, "'\(DiagnosticText.cut(key))' must be \(expected), found \(describe(node))", at: location(of: node),
            notes: notes)
    }

    func typeMismatch(_ node: Node, expected: String, for key: String, notes: [String] = []) {
        collector.error(
            .typeMismatch, "'\(DiagnosticText.cut(key))' must be \(expected), found \(describe(node))", at: location(of: node),
            notes: notes)
    }

    /// Reads a mapping, reporting unknown keys (with suggestions) and missing required keys.
    func mapping(
        _ node: Node, what: String, allowed: [String], required: [String] = [], for key: String? = nil
    ) -> MappingReader? {
        guard case let .mapping(mapping) = node else {
            typeMismatch(node, expected: "a mapping", for: key ?? what)
            return nil
        }
        return MappingReader(mapping: mapping, node: node, what: what, allowed: allowed, required: required, context: self)
    }
}
