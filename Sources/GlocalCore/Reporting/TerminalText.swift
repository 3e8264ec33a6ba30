/// Text for a terminal: what a campaign, a person in the web UI or a network wrote can hold escape sequences
/// (YAML's `"\e[2J"`, a reject reason with U+202E); every unsafe scalar but the line feed and the tab is shown as
/// `\u{1B}`, as diagnostics show them, so nothing printed can drive the terminal or reorder a line.
public enum TerminalText {
    /// `text` with C0/C1 controls (but LF and TAB), DEL, line/paragraph separators and bidi controls escaped.
    public static func safe(_ text: String) -> String {
        DiagnosticText.escaped(text, keeping: ["\n", "\t"])
    }

    /// `text` for a one-line entry (the audit log's `reason:`): as ``safe(_:)``, and a line break shown as `\u{A}`, so a
    /// reason typed on two lines does not read as two entries.
    public static func oneLine(_ text: String) -> String {
        DiagnosticText.escaped(text, keeping: ["\t"])
    }
}
