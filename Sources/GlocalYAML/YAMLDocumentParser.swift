import Foundation
import GlocalCore
import Yams

/// Parses YAML text into a node tree that keeps positions, reporting syntax errors and every duplicate key.
///
/// A first pass over libyaml's events (``YAMLEventScan``) refuses what would make composing expensive
/// (deep nesting, alias bombs, aliases as keys) and finds every duplicate key in one go. Yams stops at the
/// first duplicate key of a mapping, so each later duplicate is then renamed in place (its first character
/// becomes a distinct private-use character, so columns do not move and renamed keys never collide) and the
/// text is composed once; decoders skip such keys.
enum YAMLDocumentParser {
    /// How many duplicate keys are listed one by one; the last one listed counts the rest.
    static let listedDuplicates = DiagnosticCollector.listedPerRule

    /// Whether a key was renamed because it duplicates an earlier one.
    static func isRenamedDuplicate(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (0xE000...0xF8FF).contains(first.value) || (0xF0000...0xFFFFD).contains(first.value)
    }

    static func parse(_ text: String, file: String, into collector: DiagnosticCollector) -> Node? {
        var composed = text
        if let (line, column) = FlowNestingScan.firstTooDeep(in: text) {
            collector.add(YAMLEventScan.tooDeep(at: SourceLocation(file: file, line: line, column: column)))
            return nil
        }
        switch YAMLEventScan.scan(text, file: file) {
        case let .refused(diagnostic):
            collector.add(diagnostic)
            return nil
        case .syntaxError:
            break  // Composing reports it, with Yams' context.
        case let .parsed(duplicates):
            guard duplicates.count <= markers.count else {
                let first = duplicates[0]
                collector.error(
                    .yamlSyntax, "this file repeats keys \(duplicates.count) times",
                    at: SourceLocation(file: file, line: first.line, column: first.column, length: first.length),
                    notes: ["each key may appear once per mapping; remove the repeated keys"])
                return nil
            }
            report(duplicates, file: file, into: collector)
            if !duplicates.isEmpty { composed = renaming(duplicates, in: text) }
        }
        do {
            // Decoders read every scalar's text themselves, so Yams need not resolve implicit
            // types; its default resolver runs several regular expressions per scalar, which
            // made up half of the loading time.
            return try Yams.compose(yaml: composed, Resolver.basic)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Keys that the event scan read as different (distinct tags, say) but Yams compares as equal.
            collector.error(
                .keyDuplicate, "duplicate key '\(DiagnosticText.cut(duplicates.first ?? ""))'",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
            return nil
        } catch let error as YamlError {
            collector.add(YAMLSyntaxExplainer.diagnostic(for: error, file: file, text: text))
            return nil
        } catch {
            collector.error(.yamlSyntax, "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
    }

    private static func report(_ duplicates: [YAMLEventScan.Duplicate], file: String, into collector: DiagnosticCollector) {
        for (index, duplicate) in duplicates.prefix(listedDuplicates).enumerated() {
            var notes = ["first defined at line \(duplicate.firstLine); the later value is ignored"]
            if index == listedDuplicates - 1, duplicates.count > listedDuplicates {
                notes.append("and \(duplicates.count - listedDuplicates) more duplicate keys in this file, not listed")
            }
            collector.error(
                .keyDuplicate, "duplicate key '\(DiagnosticText.cut(duplicate.key))'",
                at: SourceLocation(file: file, line: duplicate.line, column: duplicate.column, length: duplicate.length),
                notes: notes)
        }
    }

    /// Private-use scalars that renamed keys start with, one per duplicate.
    private static let markers = Array(0xE000...0xF8FF) + Array(0xF0000...0xFFFFD)

    /// The text with the first character of every duplicate key replaced by its own marker, in one pass.
    private static func renaming(_ duplicates: [YAMLEventScan.Duplicate], in text: String) -> String {
        var targets: [Int: Unicode.Scalar] = [:]
        for (index, duplicate) in duplicates.enumerated() {
            targets[duplicate.scalarIndex + (duplicate.quoted ? 1 : 0)] = Unicode.Scalar(UInt32(markers[index]))
        }
        var result = String.UnicodeScalarView()
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            result.append(targets[offset] ?? scalar)
        }
        return String(result)
    }
}
