import Foundation
import GlocalCore
import Yams

/// Parses YAML text into a node tree that keeps positions, reporting syntax errors and every duplicate key.
///
/// Yams stops at the first duplicate key of a mapping. To report them all and still check the rest of
/// the file, each later duplicate is renamed in place (its first character becomes a distinct
/// private-use character, so columns do not move and renamed keys never collide) and the text is
/// parsed again; decoders skip such keys.
enum YAMLDocumentParser {
    /// Whether a key was renamed because it duplicates an earlier one.
    static func isRenamedDuplicate(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (0xE000...0xF8FF).contains(first.value)
    }

    static func parse(_ text: String, file: String, into collector: DiagnosticCollector) -> Node? {
        var text = text
        for attempt in 0..<2000 {
            do {
                // Decoders read every scalar's text themselves, so Yams need not resolve implicit
                // types; its default resolver runs several regular expressions per scalar, which
                // made up half of the loading time.
                return try Yams.compose(yaml: text, Resolver.basic)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                // Yams names the duplicates but gives only one mark: read which key stands there.
                let key = keyName(at: context.mark, in: text).flatMap { duplicates.contains($0) ? $0 : nil }
                guard let key, let (line, column) = laterOccurrence(of: key, after: context.mark, in: text)
                else {
                    collector.error(
                        .keyDuplicate, "duplicate key '\(duplicates.first ?? "")'",
                        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
                    return nil
                }
                collector.error(
                    .keyDuplicate, "duplicate key '\(key)'",
                    at: SourceLocation(file: file, line: line, column: column, length: key.unicodeScalars.count),
                    notes: ["first defined at line \(context.mark.line); the later value is ignored"])
                text = renamingKey(in: text, line: line, column: column, to: Unicode.Scalar(0xE000 + UInt32(attempt))!)
            } catch let error as YamlError {
                collector.add(syntaxDiagnostic(error, file: file))
                return nil
            } catch {
                collector.error(.yamlSyntax, "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
        }
        return nil
    }

    /// The key written at `mark`: the text up to its `:`, without quotes.
    private static func keyName(at mark: Mark, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column - 1 < scalars.count else { return nil }
        var rest = Substring(String(String.UnicodeScalarView(scalars[(mark.column - 1)...])))
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: quote).map { String(rest[..<$0]) }
        }
        return rest.firstIndex(of: ":").map { String(rest[..<$0]).trimmingCharacters(in: .whitespaces) }
    }

    /// Finds the next `key:` after `mark` at the same column (block mappings) or on the same line (flow).
    private static func laterOccurrence(of key: String, after mark: Mark, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        func keyStarts(in line: Substring, atScalar column: Int) -> Bool {
            let scalars = Array(line.unicodeScalars)
            guard column - 1 < scalars.count else { return false }
            var rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            if rest.hasPrefix("\"") || rest.hasPrefix("'") { rest.removeFirst() }
            guard rest.hasPrefix(key) else { return false }
            let after = rest.dropFirst(key.count).drop { $0 == "\"" || $0 == "'" || $0 == " " }
            return after.hasPrefix(":")
        }
        // Same line, later column: flow mappings such as {a: 1, a: 2}.
        let first = lines[mark.line - 1]
        let firstCount = first.unicodeScalars.count
        if firstCount > mark.column {
            for column in (mark.column + 1)...firstCount where keyStarts(in: first, atScalar: column) {
                let before = Array(first.unicodeScalars)[column - 2]
                if before == " " || before == "{" || before == "," { return (mark.line, column) }
            }
        }
        var index = mark.line
        while index < lines.count {
            let line = lines[index]
            let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "-" }.count
            let isContent = !line.trimmingCharacters(in: .whitespaces).isEmpty
                && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            if isContent, indent + 1 < mark.column, !line.unicodeScalars.prefix(mark.column - 1).contains("-") {
                return nil  // Left the mapping.
            }
            if keyStarts(in: line, atScalar: mark.column) { return (index + 1, mark.column) }
            index += 1
        }
        return nil
    }

    private static func renamingKey(in text: String, line: Int, column: Int, to marker: Unicode.Scalar) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[line - 1].unicodeScalars)
        var position = column - 1
        if scalars[position] == "\"" || scalars[position] == "'" { position += 1 }
        scalars[position] = marker
        lines[line - 1] = String(String.UnicodeScalarView(scalars))
        return lines.joined(separator: "\n")
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
            let .composer(context, problem, mark, yaml):
            if let (line, column) = unquotedHashInFlow(before: mark, in: yaml) {
                return Diagnostic(.error, .yamlSyntax, "'#' starts a comment in YAML, so the rest of line \(line) was ignored",
                                  at: SourceLocation(file: file, line: line, column: column),
                                  notes: ["write hashtags without '#' (glocal adds it), or quote them: [\"#HydraSerum\"]"])
            }
            if isTab(at: mark, in: yaml) {
                return Diagnostic(.error, .yamlSyntax, "tab character in indentation", at: location(mark),
                                  notes: ["YAML indents with spaces only: replace the tab with spaces"])
            }
            if let context, context.text.contains("quoted scalar") {
                return Diagnostic(.error, .yamlSyntax, "this quoted text is never closed", at: location(context.mark),
                                  notes: ["add the closing quote; inside \"...\" write \\\" for a quote, inside '...' write ''"])
            }
            if problem.contains("mapping values are not allowed") {
                return Diagnostic(.error, .yamlSyntax, "unexpected ':' in a value", at: location(mark),
                                  notes: ["quote a text that contains ': ', e.g. \"Hydra: now in stores\""])
            }
            if problem.contains("did not find expected") {
                return Diagnostic(.error, .yamlSyntax, "indentation does not line up with the lines above", at: location(mark),
                                  notes: ["keys of one mapping must start in the same column; list items start with '- '"])
            }
            var notes: [String] = []
            if let context { notes.append("\(context.text) at line \(context.mark.line), column \(context.mark.column)") }
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(problem)", at: location(mark), notes: notes)
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The line, at or up to three lines before `mark`, where a flow list holds an unquoted `#`
    /// (`[#Tag]`): YAML reads the rest of that line as a comment and the list never closes.
    private static func unquotedHashInFlow(before mark: Mark, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1 else { return nil }
        for number in stride(from: min(mark.line, lines.count), through: max(1, mark.line - 3), by: -1) {
            let scalars = Array(lines[number - 1].unicodeScalars)
            for index in scalars.indices.dropFirst() where scalars[index] == "#" && ["[", "{", " "].contains(scalars[index - 1]) {
                let before = scalars[..<index].filter { !$0.properties.isWhitespace }.last
                if before == "[" || before == "{" || before == "," { return (number, index + 1) }
            }
        }
        return nil
    }

    private static func isTab(at mark: Mark, in text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        return lines[mark.line - 1].unicodeScalars.prefix(mark.column).contains("\t")
    }
}
