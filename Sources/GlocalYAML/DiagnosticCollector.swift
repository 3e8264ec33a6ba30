import GlocalCore

/// Gathers the diagnostics found while decoding one file.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func error(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        diagnostics.append(Diagnostic(.error, rule, message, at: location, notes: notes))
    }

    func warning(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        diagnostics.append(Diagnostic(.warning, rule, message, at: location, notes: notes))
    }
}
