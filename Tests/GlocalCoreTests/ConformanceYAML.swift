import Foundation

/// A purpose-written reader for the twitter-text conformance files (`validate.yml`, `extract.yml`,
/// `tld_lib.yml`): block maps and lists by indentation, flow lists (`[a, "b"]`), double-quoted
/// strings with YAML escapes (`\uXXXX`, `\UXXXXXXXX`, `\"`…), single-quoted and plain scalars, `#` comments.
/// Nothing else of YAML is needed by those files, so nothing else is supported.
indirect enum ConformanceYAML: Equatable {
    case scalar(String)
    case list([ConformanceYAML])
    case map([(String, ConformanceYAML)])
    case null

    static func == (lhs: ConformanceYAML, rhs: ConformanceYAML) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value of `key` in a map.
    subscript(key: String) -> ConformanceYAML? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The items of a list (`[]` for null).
    var items: [ConformanceYAML] {
        if case .list(let items) = self { return items }
        return []
    }

    /// The string of a scalar.
    var string: String? {
        if case .scalar(let value) = self { return value }
        return nil
    }

    /// The integer of a scalar.
    var int: Int? { string.flatMap { Int($0) } }

    /// Parses a whole file.
    static func parse(_ text: String) throws -> ConformanceYAML {
        var lines: [(indent: Int, content: String)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).replacingOccurrences(of: "\r", with: "")
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content == "---" { continue }
            lines.append((line.count - content.count, String(content)))
        }
        var index = 0
        return try block(&lines, &index, indent: lines.first?.indent ?? 0)
    }

    private static func block(
        _ lines: inout [(indent: Int, content: String)], _ i: inout Int, indent: Int
    ) throws -> ConformanceYAML {
        guard i < lines.count else { return .null }
        if lines[i].content.hasPrefix("- ") || lines[i].content == "-" {
            var items: [ConformanceYAML] = []
            while i < lines.count, lines[i].indent == indent, lines[i].content.hasPrefix("-") {
                let rest = String(lines[i].content.dropFirst(1).drop { $0 == " " })
                if !rest.hasPrefix("\""), rest.contains(": ") || rest.hasSuffix(":") {
                    lines[i] = (indent + 2, rest)  // a map item: its first pair is on the dash's line
                    items.append(try block(&lines, &i, indent: indent + 2))
                } else {
                    items.append(try value(rest))
                    i += 1
                }
            }
            return .list(items)
        }
        var pairs: [(String, ConformanceYAML)] = []
        while i < lines.count, lines[i].indent == indent {
            let content = lines[i].content
            let lastColon = content.hasSuffix(":") ? content.index(before: content.endIndex)..<content.endIndex : nil
            guard let colon = content.range(of: ": ") ?? lastColon else { throw ReadError(line: content) }
            let key = String(content[..<colon.lowerBound])
            let value = String(content[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
            i += 1
            if value.isEmpty {
                if i < lines.count, lines[i].indent > indent || (lines[i].indent == indent && lines[i].content.hasPrefix("- ")) {
                    pairs.append((key, try block(&lines, &i, indent: lines[i].indent)))
                } else {
                    pairs.append((key, .null))
                }
            } else {
                pairs.append((key, try self.value(value)))
            }
        }
        return .map(pairs)
    }

    /// A flow list, a double-quoted string or a plain scalar.
    private static func value(_ text: String) throws -> ConformanceYAML {
        if text.hasPrefix("[") {
            var items: [ConformanceYAML] = []
            var scalars = Array(text.unicodeScalars.dropFirst())
            while let first = scalars.first, first != "]" {
                if first == " " || first == "," { scalars.removeFirst(); continue }
                if first == "\"" {
                    let (value, rest) = try quoted(scalars)
                    items.append(.scalar(value))
                    scalars = rest
                } else {
                    let token = scalars.prefix { $0 != "," && $0 != "]" }
                    items.append(.scalar(String(String.UnicodeScalarView(token)).trimmingCharacters(in: .whitespaces)))
                    scalars.removeFirst(token.count)
                }
            }
            return .list(items)
        }
        if text.hasPrefix("\"") { return .scalar(try quoted(Array(text.unicodeScalars)).value) }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {  // single-quoted: only '' escapes
            return .scalar(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        return .scalar(text)
    }

    /// A double-quoted string at the start of `scalars`, and what follows it.
    private static func quoted(_ scalars: [Unicode.Scalar]) throws -> (value: String, rest: [Unicode.Scalar]) {
        var value = String.UnicodeScalarView()
        var i = 1
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" { return (String(value), Array(scalars[(i + 1)...])) }
            if c == "\\", i + 1 < scalars.count {
                let escape = scalars[i + 1]
                let width = escape == "u" ? 4 : escape == "U" ? 8 : escape == "x" ? 2 : 0
                if width > 0 {
                    let hex = String(String.UnicodeScalarView(scalars[(i + 2)..<min(i + 2 + width, scalars.count)]))
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw ReadError(line: String(String.UnicodeScalarView(scalars)))
                    }
                    value.append(scalar)
                    i += 2 + width
                    continue
                }
                let simple: [Unicode.Scalar: Unicode.Scalar] = [
                    "n": "\n", "t": "\t", "r": "\r", "0": "\0", "\"": "\"", "\\": "\\", "/": "/", " ": " ",
                ]
                guard let replacement = simple[escape] else { throw ReadError(line: String(String.UnicodeScalarView(scalars))) }
                value.append(replacement)
                i += 2
                continue
            }
            value.append(c)
            i += 1
        }
        throw ReadError(line: String(String.UnicodeScalarView(scalars)))
    }

    /// A line the reader does not understand.
    struct ReadError: Error, CustomStringConvertible {
        let line: String
        var description: String { "cannot read YAML line: \(line.prefix(120))" }
    }
}
