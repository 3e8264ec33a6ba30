/// Renders a report as GitHub Actions workflow commands, which the Actions runner turns into
/// annotations on the pull request, one line per diagnostic:
///
/// ```
/// ::error file=campaigns/hydra.yaml,line=12,col=16,endColumn=24,title=network.unknown::unknown network 'mastadon'%0Anote: did you mean 'mastodon'?
/// 1 error, 0 warnings, 0 notes in 4 files (3 accounts, 1 campaign, 6 variants checked)
/// ```
///
/// Severities map to `error`, `warning` and `notice`. The title is the rule id, followed by
/// ` (network/account)` for variant diagnostics. Notes follow the message as extra `note: ` lines.
/// Data is escaped as GitHub requires (`%`, CR and LF; in property values also `:` and `,`); other control,
/// separator and bidirectional formatting characters within a message or note are first written as
/// escapes such as `\u{1B}` (see ``DiagnosticText``).
/// `endColumn` is exclusive (`column + length`). The output ends with a plain summary line and a newline.
public struct GitHubAnnotationRenderer: Sendable {
    /// Whether notes get annotations of their own; the summary line counts them either way.
    public let showNotes: Bool

    /// Creates a renderer; `showNotes: false` leaves notes out of the annotations (not out of the summary).
    public init(showNotes: Bool = true) { self.showNotes = showNotes }

    /// Every diagnostic (notes only if ``showNotes``) as a workflow command line, then the summary line;
    /// ends with a newline.
    public func render(_ report: ValidationReport) -> String {
        var lines = report.diagnostics.filter { showNotes || $0.severity != .note }.map(command(for:))
        lines.append(RenderedSummary.line(for: report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The workflow command for one diagnostic, such as `::warning file=a.yaml,line=3,title=x::text`.
    func command(for diagnostic: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties += [
                ("file", DiagnosticText.escaped(location.file, keeping: ["\r", "\n"])), ("line", String(location.line)),
                ("col", String(location.column)),
                ("endColumn", String(location.column + location.length)),
            ]
        }
        properties.append(("title", Self.title(for: diagnostic)))
        let propertyText = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        let lines = [diagnostic.message] + diagnostic.notes.map { "note: \($0)" }
        let text = lines.map { DiagnosticText.escaped($0, keeping: ["\r", "\n"]) }.joined(separator: "\n")
        return "::\(Self.command(for: diagnostic.severity)) \(propertyText)::\(Self.escapeData(text))"
    }

    /// `error`, `warning` or `notice`.
    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The rule id, with ` (network/account)` for variant diagnostics.
    static func title(for diagnostic: Diagnostic) -> String {
        switch (diagnostic.network, diagnostic.account) {
        case let (network?, account?): return "\(diagnostic.rule) (\(network.rawValue)/\(account))"
        case let (network?, nil): return "\(diagnostic.rule) (\(network.rawValue))"
        case let (nil, account?): return "\(diagnostic.rule) (\(account))"
        case (nil, nil): return diagnostic.rule
        }
    }

    /// Escapes a command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// Escapes a property value: as ``escapeData(_:)``, plus `:` → `%3A` and `,` → `%2C`.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    /// Percent-escapes the characters GitHub's command parser treats specially.
    private static func escape(_ text: String, property: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
