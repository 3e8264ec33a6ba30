/// The output formats `glocal validate` can write a ``ValidationReport`` in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Compiler-style text with source excerpts and carets (``TextDiagnosticRenderer``).
    case text
    /// A stable JSON document for scripts (``JSONDiagnosticRenderer``).
    case json
    /// GitHub Actions workflow commands that become annotations (``GitHubAnnotationRenderer``).
    case github
    /// SARIF 2.1.0 for code-scanning tools (``SARIFRenderer``).
    case sarif
}
