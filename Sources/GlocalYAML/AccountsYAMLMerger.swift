import GlocalCore
import Yams

/// Writes accounts into accounts.yaml's text, keeping what is there: comments, blank lines, key order,
/// entries the CSV does not mention, and keys its row leaves empty.
///
/// For an id already in the file, each field whose value differs is rewritten on its own line (a
/// trailing comment stays); a field the entry lacks is added after its last line; an empty
/// optional cell (`timezone`, `tags`, `city`, `boards`, …) changes nothing (merging never deletes). New ids are appended at
/// the end of the list in block style. An entry written in flow style (`- {id: …}`) cannot be edited
/// in place: the merge reports it and writes nothing.
public enum AccountsYAMLMerger {
    /// What a merge did.
    public struct Result: Sendable, Equatable {
        /// The new text of accounts.yaml.
        public var text: String
        /// Ids appended.
        public var added: [String]
        /// Ids changed, with the keys rewritten or added.
        public var updated: [(id: String, keys: [String])]
        /// Ids already as the CSV says.
        public var unchanged: [String]

        /// Equal when texts and summaries are.
        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.text == rhs.text && lhs.added == rhs.added && lhs.unchanged == rhs.unchanged
                && lhs.updated.map { "\($0.id):\($0.keys)" } == rhs.updated.map { "\($0.id):\($0.keys)" }
        }
    }

    /// Why nothing could be merged.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The problems, as diagnostics on accounts.yaml.
        public var diagnostics: [Diagnostic]
        /// The first problem's message.
        public var description: String { diagnostics.first?.message ?? "accounts.yaml cannot be merged" }
    }

    /// A fresh accounts.yaml holding `records`.
    public static func fresh(_ records: [AccountRecord], source: String) -> Result {
        let text =
            "# Accounts glocal publishes to (written by `glocal accounts import \(source)`).\naccounts:\n"
            + records.map { block($0, indent: "  ") }.joined()
        return Result(text: text, added: records.map(\.id), updated: [], unchanged: [])
    }

    /// `text` (accounts.yaml) with `records` merged in.
    public static func merge(_ records: [AccountRecord], into text: String, path: String = "accounts.yaml") throws -> Result {
        let collector = DiagnosticCollector()
        guard let root = YAMLDocumentParser.parse(text, file: path, into: collector), collector.diagnostics.isEmpty,
            case .mapping(let top) = root, let list = top["accounts"]
        else {
            let diagnostics =
                collector.diagnostics.isEmpty
                ? [
                    Diagnostic(
                        .error, .keyMissing, "\(path) has no 'accounts' list to merge into",
                        at: SourceLocation(file: path, line: 1, column: 1))
                ] : collector.diagnostics
            throw Refusal(diagnostics: diagnostics)
        }
        var items: [Node.Mapping] = []
        if case .sequence(let sequence) = list {
            for node in sequence { if case .mapping(let mapping) = node { items.append(mapping) } }
        } else if !(list.scalar.map { ["", "~", "null"].contains($0.string) } ?? false) {
            throw Refusal(
                diagnostics: [Diagnostic(.error, .typeMismatch, "'accounts' must be a list", at: location(of: list, file: path))])
        }
        var lines = text.components(separatedBy: "\n")
        var entries: [String: Node.Mapping] = [:]
        for item in items {
            if let id = item["id"]?.scalar?.string, entries[id] == nil { entries[id] = item }
        }
        var edits: [(line: Int, remove: Int, insert: [String])] = []
        var updated: [(id: String, keys: [String])] = []
        var unchanged: [String] = []
        var added: [AccountRecord] = []
        var refusals: [Diagnostic] = []
        for record in records {
            guard let entry = entries[record.id] else {
                added.append(record)
                continue
            }
            if isFlow(entry, lines: lines) {
                refusals.append(
                    Diagnostic(
                        .error, .valueInvalid,
                        "account '\(record.id)' is written in flow style ({…}) and cannot be merged in place",
                        at: location(of: entry["id"]!, file: path), notes: ["rewrite it in block style (one key per line) first"])
                )
                continue
            }
            var keys: [String] = []
            for (key, value) in wanted(record) {
                if let existing = entry[Node(key)],
                    key == "boards" ? same(existing, boards: record.boards) : same(existing, value)
                {
                    continue
                }
                guard let edit = edit(entry, key: key, value: value, lines: lines) else {
                    refusals.append(
                        Diagnostic(
                            .error, .valueInvalid,
                            "'\(DiagnosticText.cut(key))' of account '\(record.id)' spans several lines and cannot be merged in place",
                            at: location(of: entry[Node(key)] ?? entry["id"]!, file: path), notes: ["write it on one line first"])
                    )
                    continue
                }
                edits.append(
                    key == "boards" ? (edit.line, edit.remove, edit.insert.flatMap { boardLines($0, record.boards) }) : edit)
                keys.append(key)
            }
            if keys.isEmpty { unchanged.append(record.id) } else { updated.append((record.id, keys)) }
        }
        if case .sequence(let sequence) = list, !sequence.isEmpty, !added.isEmpty,
            let mark = list.mark, mark.line >= 1, mark.line <= lines.count,
            Array(lines[mark.line - 1]).dropFirst(mark.column - 1).first == "["
        {
            refusals.append(
                Diagnostic(
                    .error, .valueInvalid, "the accounts list is written in flow style ([…]): new accounts cannot be appended",
                    at: location(of: list, file: path), notes: ["rewrite it in block style (one '- id:' entry per account) first"]
                ))
        }
        guard refusals.isEmpty else { throw Refusal(diagnostics: refusals) }
        // Bottom to top, so earlier line numbers stay right; additions at one line keep their order.
        for edit in edits.enumerated().sorted(by: { ($0.element.line, $0.offset) > ($1.element.line, $1.offset) }).map(\.element)
        {
            lines.replaceSubrange(edit.line..<(edit.line + edit.remove), with: edit.insert)
        }
        if items.isEmpty, !added.isEmpty, let keyLine = top.keys.first(where: { $0.scalar?.string == "accounts" })?.mark?.line {
            // `accounts: []` or `accounts:` with nothing under it: the block list starts on the next line.
            lines[keyLine - 1] = "accounts:" + trailingComment(lines[keyLine - 1])
        }
        var result = lines.joined(separator: "\n")
        if !added.isEmpty {
            let indent =
                items.first.flatMap { $0.keys.first?.mark?.column }.map { String(repeating: " ", count: max(0, $0 - 3)) } ?? "  "
            if !result.hasSuffix("\n") { result += "\n" }
            result += added.map { block($0, indent: indent) }.joined()
        }
        return Result(text: result, added: added.map(\.id), updated: updated, unchanged: unchanged)
    }

    /// The problems of accounts.yaml's `text` as the workspace loader would report them (a merge is
    /// checked before it is written).
    public static func problems(of text: String, path: String = "accounts.yaml") -> [Diagnostic] {
        let collector = DiagnosticCollector()
        var context = DecodeContext(file: path, collector: collector)
        context.source = text
        let root = YAMLDocumentParser.parse(text, file: path, into: collector)
        if collector.diagnostics.isEmpty { _ = AccountsDecoder.decode(root, context: context) }
        return collector.diagnostics.filter { $0.severity == .error }
    }

    /// The keys a record sets, in accounts.yaml's usual order; empty optional cells set nothing.
    static func wanted(_ record: AccountRecord) -> [(String, String)] {
        var keys = [
            ("network", plain(record.network.rawValue)), ("handle", quoted(record.handle)), ("locale", plain(record.locale)),
        ]
        if let zone = record.timeZone { keys.append(("timezone", plain(zone))) }
        if let city = record.city { keys.append(("city", quoted(city))) }
        if let country = record.country { keys.append(("country", quoted(country))) }
        if !record.tags.isEmpty { keys.append(("tags", "[" + record.tags.map(plain).joined(separator: ", ") + "]")) }
        if let credentials = record.credentials { keys.append(("credentials", plain(credentials))) }
        if let instance = record.instance { keys.append(("instance", plain(instance))) }
        if let limit = record.maxCharacters { keys.append(("max_characters", String(limit))) }
        if !record.boards.isEmpty { keys.append(("boards", boards(record.boards))) }
        if let location = record.location { keys.append(("location", plain(location))) }
        if let unaudited = record.unaudited { keys.append(("unaudited", unaudited ? "true" : "false")) }
        return keys
    }

    /// Boards as one flow list of `{id, name}` maps (ids quoted, so YAML keeps them text).
    static func boards(_ boards: [PinterestBoard]) -> String {
        "[" + boards.map { "{id: \(quoted($0.id)), name: \(quoted($0.name))}" }.joined(separator: ", ") + "]"
    }

    /// Whether `node` is a list of `{id, name}` maps holding `boards`, in order.
    static func same(_ node: Node, boards: [PinterestBoard]) -> Bool {
        guard case .sequence(let sequence) = node, sequence.count == boards.count else { return false }
        return zip(sequence, boards).allSatisfy { item, board in
            guard case .mapping(let map) = item, map.count == 2 else { return false }
            return map["id"]?.scalar?.string == board.id && map["name"]?.scalar?.string == board.name
        }
    }

    /// A new entry in block style.
    static func block(_ record: AccountRecord, indent: String) -> String {
        "\(indent)- id: \(plain(record.id))\n"
            + wanted(record).flatMap { key, value in
                key == "boards" ? boardLines("\(indent)  \(key): \(value)", record.boards) : ["\(indent)  \(key): \(value)"]
            }.map { $0 + "\n" }.joined()
    }

    /// A `boards: […]` line as a block list, one `{id, name}` per line as accounts.yaml usually has it; another line as is.
    static func boardLines(_ line: String, _ boards: [PinterestBoard]) -> [String] {
        let flow = "boards: " + self.boards(boards)
        guard let range = line.range(of: flow) else { return [line] }
        let itemIndent = String(repeating: " ", count: line.distance(from: line.startIndex, to: range.lowerBound) + 2)
        return [line.replacingCharacters(in: range, with: "boards:")]
            + boards.map { itemIndent + "- {id: \(quoted($0.id)), name: \(quoted($0.name))}" }
    }

    /// Whether `node` already says what `rendered` says.
    static func same(_ node: Node, _ rendered: String) -> Bool {
        switch node {
        case .scalar(let scalar):
            return scalar.string == unrendered(rendered)
        case .sequence(let sequence):
            guard rendered.hasPrefix("[") else { return false }
            let wanted = rendered.dropFirst().dropLast().split(separator: ",").map {
                unrendered($0.trimmingCharacters(in: .whitespaces))
            }
            return sequence.map { $0.scalar?.string ?? "\u{0}" } == wanted
        default:
            return false
        }
    }

    /// The text a rendered scalar stands for.
    static func unrendered(_ rendered: String) -> String {
        guard rendered.hasPrefix("\""), rendered.hasSuffix("\""), rendered.count >= 2 else { return rendered }
        var text = ""
        var scalars = Array(rendered.unicodeScalars.dropFirst().dropLast())[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let escaped = scalars.popFirst() else {
                text.unicodeScalars.append(scalar)
                continue
            }
            switch escaped {
            case "n": text += "\n"
            case "r": text += "\r"
            case "t": text += "\t"
            case "u":
                let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                scalars = scalars.dropFirst(4)
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) { text.unicodeScalars.append(decoded) }
            default: text.unicodeScalars.append(escaped)
            }
        }
        return text
    }

    /// The edit that sets `key` to `value` in `entry`: the key's lines rewritten, or a line added after the entry.
    static func edit(_ entry: Node.Mapping, key: String, value: String, lines: [String])
        -> (line: Int, remove: Int, insert: [String])?
    {
        let keyNodes = Array(entry.keys)
        guard let firstColumn = keyNodes.first?.mark?.column else { return nil }
        let indent = String(repeating: " ", count: firstColumn - 1)
        guard let keyNode = keyNodes.first(where: { $0.scalar?.string == key }), let node = entry[Node(key)],
            let keyLine = keyNode.mark?.line
        else {
            let last = lastLine(of: entry)
            return (last, 0, ["\(indent)\(key): \(value)"])
        }
        let original = lines[keyLine - 1]
        let keyIndent = String(original.prefix(while: { $0 == " " || $0 == "-" }))
        switch node {
        case .scalar(let scalar):
            guard node.mark?.line == keyLine, !scalar.string.contains("\n"), scalar.style != .literal, scalar.style != .folded
            else { return nil }
            return (keyLine - 1, 1, [keyIndent + "\(key): \(value)" + trailingComment(original)])
        case .sequence:
            // (Yams reports the style of the event after a collection, so the text is looked at instead.)
            if node.mark?.line == keyLine, lastLine(of: node) == keyLine {
                return (keyLine - 1, 1, [keyIndent + "\(key): \(value)" + trailingComment(original)])
            }
            // A block list under the key: replaced by one flow list on the key's line.
            let last = lastLine(of: node)
            return (keyLine - 1, last - keyLine + 1, [keyIndent + "\(key): \(value)" + trailingComment(original)])
        default:
            return nil
        }
    }

    /// Whether `mapping` is written in flow style (`{id: …, …}`).
    /// (Yams reports the style of the event after a collection, so the text is looked at.)
    static func isFlow(_ mapping: Node.Mapping, lines: [String]) -> Bool {
        guard let mark = mapping.mark, mark.line >= 1, mark.line <= lines.count else { return false }
        let line = Array(lines[mark.line - 1])
        return mark.column >= 1 && mark.column <= line.count && line[mark.column - 1] == "{"
    }

    /// ` # comment` at the end of `line`, outside quotes, if any.
    static func trailingComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                let start = line.index(line.startIndex, offsetBy: offset)
                let before = line[..<start].reversed().prefix(while: { $0 == " " || $0 == "\t" })
                return String(before.reversed()) + String(line[start...])
            }
            previous = character
        }
        return ""
    }

    /// The last line (1-based) a node's text reaches (its last scalar's line).
    static func lastLine(of node: Node) -> Int {
        switch node {
        case .mapping(let mapping): return lastLine(of: mapping)
        case .sequence(let sequence): return sequence.map(lastLine(of:)).max() ?? (node.mark?.line ?? 1)
        default: return node.mark?.line ?? 1
        }
    }

    static func lastLine(of mapping: Node.Mapping) -> Int {
        mapping.map { max($0.key.mark?.line ?? 1, lastLine(of: $0.value)) }.max() ?? 1
    }

    /// A plain scalar if YAML reads it back as the same text, else a quoted one.
    static func plain(_ text: String) -> String {
        let reserved = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let safe =
            text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_/.+".unicodeScalars.contains($0)
            }
            && !reserved.contains(text.lowercased()) && Double(text) == nil
            && !(text.first.map { "-.+".contains($0) } ?? true)
        return safe ? text : quoted(text)
    }

    /// A double-quoted scalar.
    /// Line breaks, tabs and other control characters are escaped, so a CSV cell's line break stays one.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16, uppercase: true)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}
