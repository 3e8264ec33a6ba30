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
/// summary. Source excerpts show tabs and other control characters as one space each, and the caret
/// accounts for East Asian wide characters (2 terminal columns) and combining marks (0 columns).
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
        let place = diagnostic.location.map { $0.description } ?? "glocal"
        var lines = [
            bold(place + ": ") + styled(diagnostic.severity.rawValue, Self.code(for: diagnostic.severity))
                + bold("[\(diagnostic.rule)]: \(diagnostic.message)")
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
            lines.append("   " + styled("note", Self.code(for: .note)) + ": " + note)
        }
        return lines.joined(separator: "\n")
    }

    /// A quoted source line and where its caret goes, in terminal columns.
    struct Excerpt: Equatable {
        /// The 1-based line number.
        var line: Int
        /// The line's text, with control characters (tabs included) shown as one space each.
        var text: String
        /// Terminal columns before the caret.
        var padding: Int
        /// Terminal columns the caret and its tildes cover (at least 1).
        var underlineWidth: Int
    }

    /// The excerpt for a diagnostic, or `nil` when it has no location or its line is not available.
    func excerpt(for diagnostic: Diagnostic) -> Excerpt? {
        guard let location = diagnostic.location,
            let source = sources.line(location.line, of: location.file)
        else { return nil }
        let scalars = source.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }
        let start = min(max(location.column - 1, 0), scalars.count)
        let end = min(start + location.length, scalars.count)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return Excerpt(
            line: location.line,
            text: String(text),
            padding: TerminalColumns.width(of: scalars[..<start]),
            underlineWidth: max(1, TerminalColumns.width(of: scalars[start..<end])))
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
