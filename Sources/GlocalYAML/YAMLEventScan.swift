import CYaml
import GlocalCore

/// One pass over a YAML text's libyaml events, made before Yams builds a node tree, so that hostile
/// files cost linear time: it refuses nesting deeper than ``maxDepth``, aliases used as keys, and aliases
/// that would expand to more than ``maxAliasExpansion`` nodes, and it finds every duplicate key at once.
///
/// Yams composes recursively (deep nesting overflows the stack) and hashes whole keys to find duplicates
/// (an alias bomb as a key takes minutes), so both must be stopped before the text reaches it.
struct YAMLEventScan {
    /// The deepest nesting of lists and mappings accepted; campaign files need fewer than ten levels.
    static let maxDepth = 100
    /// How many nodes all aliases of a file may stand for together, counting nested aliases.
    static let maxAliasExpansion = 10_000
    /// How many values (scalars, lists and mappings) one file may hold: a locale of 100 000 strings has about
    /// 200 000; beyond this, building the tree alone would take most of a gigabyte.
    static let maxNodes = 500_000

    /// A key that repeats an earlier key of the same mapping.
    struct Duplicate: Equatable {
        /// The key's text.
        var key: String
        /// Where the key starts (its opening quote, when quoted).
        var line: Int, column: Int
        /// The key's offset in Unicode scalars from the start of the text.
        var scalarIndex: Int
        /// Whether the key is written in quotes, so its first character follows the quote.
        var quoted: Bool
        /// Length of the key as written, in scalars (quotes included).
        var length: Int
        /// The line of the first occurrence.
        var firstLine: Int
    }

    /// What the pass found.
    enum Outcome {
        /// The text parses; these keys repeat earlier ones.
        case parsed(duplicates: [Duplicate])
        /// The text is refused before composing, with this diagnostic.
        case refused(Diagnostic)
        /// libyaml reported a syntax error: Yams will report it with its own context.
        case syntaxError
    }

    /// A mapping or list that is open while the events are read.
    private struct Open {
        var isMapping: Bool
        var expectingKey = true
        var keys: [String: Int] = [:]
        var anchor: String?
        var nodesBefore: Int
    }

    /// Reads every event of `text` once.
    static func scan(_ text: String, file: String) -> Outcome {
        let bomOffset = text.unicodeScalars.first == "\u{FEFF}" ? 1 : 0
        var text = text
        return text.withUTF8 { buffer in scan(buffer, file: file, bomOffset: bomOffset) }
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, file: String, bomOffset: Int) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .syntaxError }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var stack: [Open] = []
        var anchorSizes: [String: Int] = [:]
        var nodes = 0
        var expanded = 0
        var duplicates: [Duplicate] = []
        func location(_ mark: yaml_mark_t, length: Int = 1) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, length: length)
        }
        /// Records a finished node (scalar, alias or closed collection) in its parent: keys and values alternate.
        func finishNode() {
            guard !stack.isEmpty, stack[stack.count - 1].isMapping else { return }
            stack[stack.count - 1].expectingKey.toggle()
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .syntaxError }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .parsed(duplicates: duplicates)
            case YAML_SCALAR_EVENT:
                nodes += 1
                if nodes > maxNodes { return .refused(tooLarge(at: location(mark))) }
                let scalar = event.data.scalar
                let isKeyPosition = stack.last.map { $0.isMapping && $0.expectingKey } ?? false
                if isKeyPosition {
                    let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let style = scalar.style
                    let quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    let simple = quoted || style == YAML_PLAIN_SCALAR_STYLE
                    let line = Int(mark.line) + 1
                    if let first = stack[stack.count - 1].keys[key] {
                        if simple, !key.isEmpty {
                            let written = Int(event.end_mark.index) - Int(mark.index)
                            duplicates.append(
                                Duplicate(
                                    key: key, line: line, column: Int(mark.column) + 1,
                                    scalarIndex: Int(mark.index) + bomOffset, quoted: quoted,
                                    length: max(1, written), firstLine: first))
                        }
                    } else {
                        stack[stack.count - 1].keys[key] = line
                    }
                }
                if let anchor = scalar.anchor { anchorSizes[name(anchor)] = 1 }
                finishNode()
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor)
                let isKeyPosition = stack.last.map { $0.isMapping && $0.expectingKey } ?? false
                guard let size = anchorSizes[anchor] else {
                    return .refused(undefinedAlias(anchor, at: location(mark, length: anchor.unicodeScalars.count + 1)))
                }
                if isKeyPosition {
                    return .refused(
                        Diagnostic(
                            .error, .yamlSyntax, "an alias ('*\(Self.cut(anchor))') cannot be used as a key",
                            at: location(mark, length: anchor.unicodeScalars.count + 1),
                            notes: ["write the key itself; glocal files use aliases only as values"]))
                }
                nodes = saturatingAdd(nodes, size)
                expanded = saturatingAdd(expanded, size)
                if expanded > maxAliasExpansion {
                    return .refused(
                        Diagnostic(
                            .error, .yamlSyntax,
                            "aliases in this file would expand to more than \(maxAliasExpansion) nodes",
                            at: location(mark, length: anchor.unicodeScalars.count + 1),
                            notes: ["an alias repeats its anchor's whole value; nested aliases multiply (an \"alias bomb\")"]))
                }
                finishNode()
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if stack.count >= maxDepth { return .refused(tooDeep(at: location(mark))) }
                nodes += 1
                if nodes > maxNodes { return .refused(tooLarge(at: location(mark))) }
                stack.append(Open(isMapping: isMapping, anchor: anchorPointer.map(name), nodesBefore: nodes))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = stack.popLast() else { continue }
                if let anchor = closed.anchor { anchorSizes[anchor] = max(1, nodes - closed.nodesBefore + 1) }
                finishNode()
            default:
                continue
            }
        }
    }

    /// The diagnostic for a file of more than ``maxNodes`` values, at the value that crosses the limit.
    static func tooLarge(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .yamlSyntax, "this file holds more than \(maxNodes) values (keys, texts, lists and mappings)", at: location,
            notes: ["split it into several files; a locale of 100 000 strings is well within the limit"])
    }

    /// The diagnostic for nesting deeper than ``maxDepth`` at `location`.
    static func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .yamlSyntax, "lists and mappings are nested more than \(maxDepth) levels deep here", at: location,
            notes: ["glocal files need only a few levels; look for unclosed '[' or '{'"])
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    /// An anchor name, cut to a readable length.
    static func cut(_ name: String) -> String {
        name.unicodeScalars.count <= 40 ? name : String(String.UnicodeScalarView(name.unicodeScalars.prefix(40))) + "…"
    }

    /// `*name` with no `&name` before it: almost always a value that starts with `*` and needs quotes.
    private static func undefinedAlias(_ anchor: String, at location: SourceLocation) -> Diagnostic {
        let shown = cut(anchor)
        return Diagnostic(
            .error, .yamlSyntax,
            "'*\(shown)' starts with '*', which YAML reads as an alias, and no anchor '&\(shown)' is defined",
            at: location,
            notes: ["if '*\(shown)' is a value (a pattern, say), quote it: \"*\(shown)\""])
    }
}
