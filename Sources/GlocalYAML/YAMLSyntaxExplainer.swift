import Foundation
import GlocalCore
import Yams

/// Turns libyaml's syntax errors into diagnostics at the line where the mistake was made, in plain words.
///
/// libyaml notices most mistakes a line or more later (an unclosed quote swallows text up to the next
/// quote; `text:care.spf` runs into the next key), so the explainer looks back from the error for the
/// usual culprits, in order: a line break an editor may not show (a lone CR in a file of LF line ends,
/// NEL, LS, PS), an unquoted `#` in a flow list, a tab or an invisible space in the indentation, a quote closed only by the next value's opening quote, a key with no space after its
/// colon, and a value starting with a YAML indicator.
enum YAMLSyntaxExplainer {
    /// How many lines before an error are searched for its cause.
    static let lookBack = 20

    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func location(_ mark: Mark, length: Int = 1) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column, length: length)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            if problem.contains("Maximum nesting level") {
                return YAMLEventScan.tooDeep(at: location(mark))
            }
            let lines = SourceLines(text: text, upTo: mark.line + 1)
            if let (line, lineBreak) = hiddenLineBreak(before: mark, in: lines, text: text) {
                return Diagnostic(
                    .error, .yamlSyntax,
                    "line \(line) ends with \(DiagnosticText.codePointName(lineBreak.scalar)), which YAML reads as a line break",
                    at: SourceLocation(file: file, line: line, column: lineBreak.column),
                    notes: [
                        "an editor may show line \(line + 1) as part of line \(line); YAML starts a new line there, so what follows no longer fits",
                        "end lines with LF (or CR LF) only",
                    ])
            }
            if let (line, column) = unquotedHashInFlow(before: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "'#' starts a comment in YAML, so the rest of line \(line) was ignored",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: ["write hashtags without '#' (glocal adds it), or quote them: [\"#HydraSerum\"]"])
            }
            if isTab(at: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "tab character in indentation", at: location(mark),
                    notes: ["YAML indents with spaces only: replace the tab with spaces"])
            }
            if let (line, column, scalar) = invisibleIndentation(before: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "\(DiagnosticText.codePointName(scalar)) in the indentation; use plain spaces",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: ["YAML indents with ordinary spaces (U+0020) only; this character looks like one but is not"])
            }
            if let context, context.text.contains("quoted scalar") {
                return Diagnostic(
                    .error, .yamlSyntax, "this quoted text is never closed", at: location(context.mark),
                    notes: ["add the closing quote; inside \"...\" write \\\" for a quote, inside '...' write ''"])
            }
            if let (line, column) = quoteClosedByNextValue(before: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "this quoted text is never closed",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: [
                        "YAML read on until the next value's opening quote",
                        "add the closing quote; inside \"...\" write \\\" for a quote, inside '...' write ''",
                    ])
            }
            if let (line, column) = textAfterClosingQuote(at: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "text follows the closing quote of this value",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: [
                        "inside '...' write '' for an apostrophe (e.g. 'l''heure'), inside \"...\" write \\\"; or quote the whole value"
                    ])
            }
            if let context, context.text.contains("scanning an alias") || context.text.contains("scanning an anchor") {
                let indicator = context.text.contains("alias") ? "*" : "&"
                return Diagnostic(
                    .error, .yamlSyntax, "a value starting with '\(indicator)' means something else in YAML",
                    at: location(context.mark),
                    notes: ["quote the value: \"\(indicator)...\" (inside \"...\" write \\\" for a quote)"])
            }
            if let (line, column, written) = missingSpaceAfterColon(before: mark, in: lines) {
                let key = written.prefix { $0 != ":" }
                return Diagnostic(
                    .error, .yamlSyntax,
                    "no space after ':' in '\(DiagnosticText.cut(written))', so YAML does not read '\(DiagnosticText.cut(String(key)))' as a key",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: ["write a space after the colon: \(key): \(written.dropFirst(key.count + 1))"])
            }
            if let (line, column, indicator) = valueStartingWithIndicator(at: mark, in: lines) {
                return Diagnostic(
                    .error, .yamlSyntax, "a value starting with '\(indicator)' means something else in YAML",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: ["quote the value: \"\(indicator)...\" (inside \"...\" write \\\" for a quote)"])
            }
            if problem.contains("mapping values are not allowed") {
                return Diagnostic(
                    .error, .yamlSyntax, "unexpected ':' in a value", at: location(mark),
                    notes: ["quote a text that contains ': ', e.g. \"Hydra: now in stores\""])
            }
            if problem.contains("did not find expected") {
                return Diagnostic(
                    .error, .yamlSyntax, "indentation does not line up with the lines above", at: location(mark),
                    notes: ["keys of one mapping must start in the same column; list items start with '- '"])
            }
            var notes: [String] = []
            if let context { notes.append("\(context.text) at line \(context.mark.line), column \(context.mark.column)") }
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(problem)", at: location(mark), notes: notes)
        case let .reader(problem, _, _, _):
            if let (line, column, scalar) = firstNonPrintable(in: text) {
                return Diagnostic(
                    .error, .yamlSyntax, "\(DiagnosticText.codePointName(scalar)) is not allowed in a YAML file",
                    at: SourceLocation(file: file, line: line, column: column),
                    notes: ["YAML files hold printable characters only; inside \"...\" write it as an escape, e.g. \\u001B"])
            }
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, .yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The first scalar that YAML does not allow in a stream (C0 controls other than tab and line breaks,
    /// DEL, C1 controls other than NEL, surrogates, U+FFFE/U+FFFF), with its line and column.
    private static func firstNonPrintable(in text: String) -> (Int, Int, Unicode.Scalar)? {
        var counter = YAMLLineCounter()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                counter.advance(past: scalar)
            default:
                return (counter.line, counter.column, scalar)
            }
        }
        return nil
    }

    /// The last line, at or up to ``lookBack`` lines before `mark`'s, that ends with a break an editor may not show
    /// as one: NEL, LS or PS, or a lone CR in a text that also has LF line ends (a text of CR line ends throughout is
    /// consistent, and its mistake is elsewhere).
    private static func hiddenLineBreak(before mark: Mark, in lines: SourceLines, text: String)
        -> (Int, SourceLines.LineBreak)?
    {
        let usesLineFeeds = text.utf8.contains(0x0A)
        for line in stride(from: mark.line - 1, through: max(1, mark.line - lookBack), by: -1) {
            guard let lineBreak = lines.lineBreak(line) else { continue }
            switch lineBreak.scalar {
            case "\u{85}", "\u{2028}", "\u{2029}": return (line, lineBreak)
            case "\r" where usesLineFeeds: return (line, lineBreak)
            default: continue
            }
        }
        return nil
    }

    /// The line, at or up to three lines before `mark`, where a flow list holds an unquoted `#`
    /// (`[#Tag]`): YAML reads the rest of that line as a comment and the list never closes.
    private static func unquotedHashInFlow(before mark: Mark, in lines: SourceLines) -> (Int, Int)? {
        for number in stride(from: min(mark.line, lines.count), through: max(1, mark.line - 3), by: -1) {
            let scalars = lines.scalars(number)
            // The last non-blank scalar before each index, carried along: one pass, even over a line of
            // 200 000 `#tag`s.
            var before: Unicode.Scalar? = nil
            for index in scalars.indices {
                if index > 0, scalars[index] == "#", ["[", "{", " "].contains(scalars[index - 1]),
                    before == "[" || before == "{" || before == ","
                {
                    return (number, index + 1)
                }
                if !scalars[index].properties.isWhitespace { before = scalars[index] }
            }
        }
        return nil
    }

    private static func isTab(at mark: Mark, in lines: SourceLines) -> Bool {
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        return lines.scalars(mark.line).prefix(mark.column).contains("\t")
    }

    /// A character that looks like a space (no-break, em, ideographic, zero-width…) among a line's leading
    /// spaces, at or up to three lines before `mark`.
    private static func invisibleIndentation(before mark: Mark, in lines: SourceLines) -> (Int, Int, Unicode.Scalar)? {
        guard mark.line >= 1 else { return nil }
        for number in stride(from: min(mark.line, lines.count), through: max(1, mark.line - 3), by: -1) {
            for (index, scalar) in lines.scalars(number).enumerated() {
                if scalar == " " { continue }
                if DiagnosticText.isSpaceLookalike(scalar) { return (number, index + 1, scalar) }
                break
            }
        }
        return nil
    }

    /// Where a value's opening quote stands: after `key: `, after `- `, or at the line's start.
    private static func valueStart(in scalars: [Unicode.Scalar]) -> Int? {
        var index = scalars.firstIndex { $0 != " " } ?? scalars.count
        if index < scalars.count, scalars[index] == "-", index + 1 < scalars.count, scalars[index + 1] == " " {
            index += 2
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }
        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" { return index }
        var cursor = index
        while cursor + 1 < scalars.count {
            if scalars[cursor] == ":", scalars[cursor + 1] == " " {
                var value = cursor + 1
                while value < scalars.count, scalars[value] == " " { value += 1 }
                return value < scalars.count ? value : nil
            }
            if scalars[cursor] == "\"" || scalars[cursor] == "'" || scalars[cursor] == "#" { return nil }
            cursor += 1
        }
        return nil
    }

    /// The closing quote of a quoted value starting at `start`, searching at most `maxLines` lines:
    /// (line, column index) or `nil`.
    private static func closingQuote(from line: Int, start: Int, in lines: SourceLines, through last: Int) -> (Int, Int)? {
        let quote = lines.scalars(line)[start]
        var number = line
        var index = start + 1
        while number <= last {
            let scalars = lines.scalars(number)
            while index < scalars.count {
                let scalar = scalars[index]
                if quote == "\"", scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == quote {
                    if quote == "'", index + 1 < scalars.count, scalars[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return (number, index)
                }
                index += 1
            }
            number += 1
            index = 0
        }
        return nil
    }

    /// A quoted value whose text runs on into a later line and is "closed" by the opening quote of a
    /// later value: the usual shape of a forgotten closing quote.
    private static func quoteClosedByNextValue(before mark: Mark, in lines: SourceLines) -> (Int, Int)? {
        guard mark.line >= 1 else { return nil }
        let last = min(mark.line, lines.count)
        for number in stride(from: last, through: max(1, mark.line - lookBack), by: -1) {
            let scalars = lines.scalars(number)
            guard let start = valueStart(in: scalars), scalars[start] == "\"" || scalars[start] == "'" else { continue }
            guard let (closeLine, closeIndex) = closingQuote(from: number, start: start, in: lines, through: last) else {
                continue
            }
            if closeLine > number, valueStart(in: lines.scalars(closeLine)) == closeIndex { return (number, start + 1) }
        }
        return nil
    }

    /// A quoted value on the error's line closed early, with more text after its closing quote, as in
    /// `text: 'l'heure'`: the column of the quote that closed it.
    private static func textAfterClosingQuote(at mark: Mark, in lines: SourceLines) -> (Int, Int)? {
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = lines.scalars(mark.line)
        guard let start = valueStart(in: scalars), scalars[start] == "\"" || scalars[start] == "'",
            let (closeLine, closeIndex) = closingQuote(from: mark.line, start: start, in: lines, through: mark.line),
            closeLine == mark.line
        else { return nil }
        let after = scalars[(closeIndex + 1)...].drop { $0 == " " }
        guard let next = after.first, next != "#", next != ",", next != "]", next != "}" else { return nil }
        return (mark.line, closeIndex + 1)
    }

    /// A line such as `text:care.spf`: a key-like word, a colon and no space, at or up to three lines
    /// before `mark`. Returns the line, the colon's column and the written text.
    private static func missingSpaceAfterColon(before mark: Mark, in lines: SourceLines) -> (Int, Int, String)? {
        guard mark.line >= 1 else { return nil }
        for number in stride(from: min(mark.line, lines.count), through: max(1, mark.line - 3), by: -1) {
            let scalars = lines.scalars(number)
            var index = scalars.firstIndex { $0 != " " } ?? scalars.count
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == " " { index += 2 }
            let start = index
            while index < scalars.count, isKeyCharacter(scalars[index]) { index += 1 }
            guard index > start, index + 1 < scalars.count, scalars[index] == ":" else { continue }
            let next = scalars[index + 1]
            guard next != " ", next != ":", next != "/" else { continue }
            let rest = scalars[(index + 1)...]
            if rest.contains(":"), zip(rest, rest.dropFirst()).contains(where: { $0 == ":" && $1 == " " }) { continue }
            let written = String(String.UnicodeScalarView(scalars[start...])).trimmingCharacters(in: .whitespaces)
            return (number, index + 1, written)
        }
        return nil
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }

    /// YAML indicators that change the meaning of a plain value when they come first.
    private static let indicators: Set<Unicode.Scalar> = ["*", "&", "!", "%", "@", "`", "|", ">", "{", "["]

    /// A value on the error's line (or the line before) that starts with an indicator. `{` and `[` count
    /// only when text follows the closing bracket, as in `[Sale] today`.
    private static func valueStartingWithIndicator(at mark: Mark, in lines: SourceLines) -> (Int, Int, Unicode.Scalar)? {
        guard mark.line >= 1 else { return nil }
        for number in stride(from: min(mark.line, lines.count), through: max(1, mark.line - 1), by: -1) {
            let scalars = lines.scalars(number)
            var candidates: [Int] = []
            if let start = valueStart(in: scalars) { candidates.append(start) }
            var index = scalars.firstIndex { $0 != " " } ?? scalars.count
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == " " { index += 2 }
            candidates.append(index)
            for start in candidates where start < scalars.count && indicators.contains(scalars[start]) {
                let indicator = scalars[start]
                if indicator == "[" || indicator == "{" {
                    let closer: Unicode.Scalar = indicator == "[" ? "]" : "}"
                    guard let close = scalars[start...].firstIndex(of: closer),
                        scalars[(close + 1)...].contains(where: { $0 != " " && $0 != "#" })
                    else { continue }
                }
                return (number, start + 1, indicator)
            }
        }
        return nil
    }
}
