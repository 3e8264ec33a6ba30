/// Renders a report as compiler-style text for terminals and CI logs:
///
/// ```
/// campaigns/hydra.yaml:12:16: error[network.unknown]: unknown network 'mastadon'
///    12 |     networks: [mastadon]
///       |                ^~~~~~~~
///    note: did you mean 'mastodon'?
///
/// 1 error, 0 warnings, 0 notes in 4 files (3 accounts, 1 campaign, 6 variants checked)
/// ```
///
/// Diagnostics are separated by a blank line, and a blank line separates the last one from the
/// summary. Source excerpts show a tab as one space and other control, separator and bidirectional
/// formatting characters as visible placeholders (`␛` for ESC), and the caret accounts for East Asian wide
/// characters (2 terminal columns) and combining marks (0 columns). Lines longer than 600 scalars are cut
/// to a 120-scalar window around the caret, with `…` on each cut side. Messages and notes write those
/// characters as escapes such as `\u{1B}`.
/// The output ends with a newline.
public struct TextDiagnosticRenderer: Sendable {
    /// The file texts that excerpts are quoted from.
    public var sources: SourceFiles
    /// Whether to colour the output with ANSI escape codes.
    public var useColor: Bool
    /// Whether note diagnostics (such as locale fallbacks) are printed; the summary counts them either way.
    public var showNotes: Bool

    /// Creates a renderer that quotes lines from `sources`, with ANSI colours when `useColor`.
    public init(sources: SourceFiles, useColor: Bool = false, showNotes: Bool = true) {
        self.sources = sources
        self.useColor = useColor
        self.showNotes = showNotes
    }

    /// The diagnostics alone, without the summary line (for commands other than validate).
    public func renderDiagnostics(_ diagnostics: [Diagnostic]) -> String {
        let rendered = render(ValidationReport(diagnostics: diagnostics, statistics: WorkspaceStatistics()))
        let blocks = rendered.components(separatedBy: "\n\n")
        return blocks.dropLast().map { $0 + "\n\n" }.joined()
    }

    /// The whole report as text: every diagnostic, then the summary line; ends with a newline.
    public func render(_ report: ValidationReport) -> String {
        let shown = showNotes ? report.diagnostics : report.diagnostics.filter { $0.severity != .note }
        let excerpts = shown.map(excerpt(for:))
        let largestLine = excerpts.compactMap { $0?.line }.max() ?? 0
        let gutterWidth = max(4, String(largestLine).count)
        var blocks: [String] = []
        for (diagnostic, excerpt) in zip(shown, excerpts) {
            blocks.append(block(for: diagnostic, excerpt: excerpt, gutterWidth: gutterWidth))
        }
        let hidden = report.diagnostics.count - shown.count
        blocks.append(RenderedSummary.line(for: report) + (hidden > 0 ? " (notes hidden: --verbose shows them)" : ""))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One diagnostic's lines: header, excerpt (when the line is known) and notes.
    private func block(for diagnostic: Diagnostic, excerpt: Excerpt?, gutterWidth: Int) -> String {
        // A file name is input too (a pull request can name a file with a line feed or an escape sequence).
        let place = diagnostic.location.map { DiagnosticText.escaped($0.description) } ?? "glocal"
        var lines = [
            bold(place + ": ") + styled(diagnostic.severity.rawValue, Self.code(for: diagnostic.severity))
                + bold("[\(diagnostic.rule)]: \(DiagnosticText.escaped(diagnostic.message))")
        ]
        if let excerpt {
            let number = String(excerpt.line)
            let numberPadding = String(repeating: " ", count: gutterWidth - number.count)
            let emptyGutter = " " + String(repeating: " ", count: gutterWidth) + " | "
            lines.append(" " + numberPadding + number + " | " + excerpt.text)
            let caret = "^" + String(repeating: "~", count: excerpt.underlineWidth - 1)
            lines.append(emptyGutter + String(repeating: " ", count: excerpt.padding) + styled(caret, "32"))
        }
        for note in diagnostic.notes {
            lines.append("   " + styled("note", Self.code(for: .note)) + ": " + DiagnosticText.escaped(note))
        }
        return lines.joined(separator: "\n")
    }

    /// A quoted source line and where its caret goes, in terminal columns.
    struct Excerpt: Equatable {
        /// The 1-based line number.
        var line: Int
        /// The line's text (or a window of it, with `…` where it was cut), tabs shown as one space and other
        /// controls as visible placeholders.
        var text: String
        /// Terminal columns before the caret.
        var padding: Int
        /// Terminal columns the caret and its tildes cover (at least 1).
        var underlineWidth: Int
    }

    /// Lines up to this many scalars are quoted whole; longer ones are cut to a window around the caret.
    static let wholeLineLimit = 600
    /// How many scalars a cut excerpt shows before the caret.
    static let windowLead = 40
    /// How many scalars a cut excerpt shows in all (the caret's text is underlined only inside them).
    static let windowWidth = 120

    /// The excerpt for a diagnostic, or `nil` when it has no location or its line is not available.
    func excerpt(for diagnostic: Diagnostic) -> Excerpt? {
        guard let location = diagnostic.location,
            let source = sources.line(location.line, of: location.file)
        else { return nil }
        let view = source.unicodeScalars
        // A column past the line's end (an error at the end of the line) points just after its last character.
        let start = min(max(location.column - 1, 0), view.count)
        var shown = view[...]
        var first = 0
        var cutBefore = false, cutAfter = false
        if !view.dropFirst(Self.wholeLineLimit).isEmpty {
            first = max(0, start - Self.windowLead)
            var from = view.index(view.startIndex, offsetBy: first, limitedBy: view.endIndex)
            if from == nil || from == view.endIndex {  // The column is past the line's end: show its tail.
                first = max(0, view.count - Self.windowLead)
                from = view.index(view.startIndex, offsetBy: first)
            }
            let lower = from ?? view.startIndex
            let upper = view.index(lower, offsetBy: Self.windowWidth, limitedBy: view.endIndex) ?? view.endIndex
            shown = view[lower..<upper]
            cutBefore = first > 0
            cutAfter = upper != view.endIndex
        }
        let scalars = shown.map(Self.displayed)
        let caret = min(start - first, scalars.count)
        let end = min(caret + location.length, scalars.count)
        var text = String.UnicodeScalarView()
        if cutBefore { text.append(Self.cutMarker) }
        text.append(contentsOf: scalars)
        if cutAfter { text.append(Self.cutMarker) }
        return Excerpt(
            line: location.line,
            text: String(text),
            padding: (cutBefore ? 1 : 0) + TerminalColumns.width(of: scalars[..<caret]),
            underlineWidth: max(1, TerminalColumns.width(of: scalars[caret..<end])))
    }

    /// Marks the side where an excerpt was cut.
    static let cutMarker: Unicode.Scalar = "…"

    /// How a source scalar is shown in an excerpt: a tab as one space, other controls, separators and
    /// bidirectional formatting characters as a visible one-column placeholder, the rest as it is.
    static func displayed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\t" { return " " }
        return DiagnosticText.isUnsafe(scalar) ? DiagnosticText.placeholder(for: scalar) : scalar
    }

    /// The ANSI style of a severity: bold red, bold yellow or bold cyan.
    private static func code(for severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }

    /// `text` in bold when colouring.
    private func bold(_ text: String) -> String { styled(text, "1") }

    /// `text` wrapped in the ANSI SGR `code` and a reset when colouring; `text` unchanged otherwise.
    private func styled(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
