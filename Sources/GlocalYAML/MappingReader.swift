import GlocalCore
import Yams

/// Typed, position-keeping access to the keys of one YAML mapping.
struct MappingReader {
    let node: Node
    let context: DecodeContext
    private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []
    /// Where each key's first entry is in `entries`, so lookups stay constant-time in huge mappings.
    private var positions: [String: Int] = [:]

    init(mapping: Node.Mapping, node: Node, what: String, allowed: [String], required: [String], context: DecodeContext) {
        self.node = node
        self.context = context
        let allowedSet = Set(allowed)
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                context.collector.error(.typeMismatch, "keys of \(what) must be text", at: context.location(of: keyNode))
                continue
            }
            let key = scalar.string
            if YAMLDocumentParser.isRenamedDuplicate(key) { continue }
            if positions[key] == nil { positions[key] = entries.count }
            entries.append((key, keyNode, value))
            if !allowed.isEmpty, !allowedSet.contains(key) {
                var notes = Suggestion.notes(for: key, in: allowed) + ["allowed keys: \(allowed.joined(separator: ", "))"]
                // A key that reads right but is unknown: name what hides in it (a no-break space is no indentation).
                if let hidden = key.unicodeScalars.first(where: DiagnosticText.isSpaceLookalike) {
                    notes.insert(
                        "the key holds \(DiagnosticText.codePointName(hidden)), which looks like a space but is not one: retype it (YAML indents with plain spaces only)",
                        at: 0)
                } else if let hidden = key.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
                    notes.insert(
                        "the key holds \(DiagnosticText.codePointName(hidden)), an invisible character: retype it", at: 0)
                }
                context.collector.error(
                    .keyUnknown, "unknown key '\(DiagnosticText.cut(key))' in \(what)", at: context.location(of: keyNode),
                    notes: notes)
            }
        }
        for key in required where positions[key] == nil {
            context.collector.error(
                .keyMissing, "\(what) is missing required key '\(DiagnosticText.cut(key))'", at: keyMissingLocation)
        }
    }

    private var keyMissingLocation: SourceLocation {
        var location = context.location(of: node)
        location.length = 1
        return location
    }

    /// The location of the mapping itself.
    var location: SourceLocation { keyMissingLocation }

    /// The value node of `key`, if present.
    func value(_ key: String) -> Node? { positions[key].map { entries[$0].value } }

    /// The location of `key` itself.
    func keyLocation(_ key: String) -> SourceLocation? { positions[key].map { context.location(of: entries[$0].keyNode) } }

    /// A text value; reports a non-scalar or empty value.
    func string(_ key: String) -> Located<String>? {
        guard let node = value(key) else { return nil }
        return context.string(node, for: key)
    }

    /// A whole number in plain decimal digits, unquoted (``PlainNumber/integer(_:)``); reports anything else,
    /// YAML 1.1's `010`, `0x10`, `1_0` and `1:00` too.
    func int(_ key: String) -> Located<Int>? {
        guard let node = value(key) else { return nil }
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = PlainNumber.integer(scalar.string) else {
            context.numberMismatch(node, expected: "a whole number", for: key, isNumber: { PlainNumber.integer($0) != nil })
            return nil
        }
        return Located(value, at: context.location(of: node))
    }

    /// A number in plain decimal digits, unquoted (``PlainNumber/decimal(_:)``); reports anything else.
    func double(_ key: String) -> Located<Double>? {
        guard let node = value(key) else { return nil }
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = PlainNumber.decimal(scalar.string) else {
            context.numberMismatch(node, expected: "a number", for: key, isNumber: { PlainNumber.decimal($0) != nil })
            return nil
        }
        return Located(value, at: context.location(of: node))
    }

    /// `true` or `false`; reports anything else.
    func bool(_ key: String) -> Located<Bool>? {
        guard let node = value(key) else { return nil }
        // Plain only: a quoted "false" is text, and reading it as false would hide the quotes' mistake.
        guard case let .scalar(scalar) = node, scalar.style == .plain,
            ["true", "false"].contains(scalar.string.lowercased())
        else {
            var notes: [String] = []
            if case let .scalar(scalar) = node, scalar.style != .plain, ["true", "false"].contains(scalar.string.lowercased()) {
                notes.append("in quotes \(scalar.string) is text: remove the quotes")
            }
            context.typeMismatch(node, expected: "true or false", for: key, notes: notes)
            return nil
        }
        return Located(scalar.string.lowercased() == "true", at: context.location(of: node))
    }

    /// A list of texts; a single text is reported, as brand teams often forget the brackets.
    func strings(_ key: String) -> [Located<String>]? {
        guard let node = value(key) else { return nil }
        return context.strings(node, for: key)
    }

    /// One of an enum's raw values; reports anything else with a suggestion.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> Located<T>? where T.RawValue == String {
        guard let text = string(key) else { return nil }
        return context.choice(text, type, for: key)
    }
}

extension DecodeContext {
    /// A text scalar; reports mappings, lists and empty values.
    func string(_ node: Node, for key: String) -> Located<String>? {
        guard case let .scalar(scalar) = node, !isNull(node) else {
            typeMismatch(node, expected: "text", for: key)
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    /// A list of text scalars.
    func strings(_ node: Node, for key: String) -> [Located<String>]? {
        guard case let .sequence(sequence) = node else {
            if case .scalar = node, !isNull(node) {
                collector.error(
                    .typeMismatch, "'\(DiagnosticText.cut(key))' must be a list, found \(describe(node))", at: location(of: node),
                    notes: ["write it as a list: \(key): [\(DiagnosticText.cut(node.scalar?.string ?? ""))]"])
            } else {
                typeMismatch(node, expected: "a list", for: key)
            }
            return nil
        }
        return sequence.compactMap { string($0, for: key) }
    }

    /// One of an enum's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ text: Located<String>, _ type: T.Type, for key: String) -> Located<T>?
    where T.RawValue == String {
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let allowed = T.allCases.map(\.rawValue)
        collector.error(
            .valueInvalid, "'\(DiagnosticText.cut(text.value))' is not a valid \(key)", at: text.location,
            notes: Suggestion.notes(for: text.value, in: allowed) + ["expected one of: \(allowed.joined(separator: ", "))"])
        return nil
    }
}
