import Foundation
import GlocalCore
import GlocalYAML

/// What re-reading the workspace on SIGHUP gives: the new workspace when it loads without errors,
/// else the diagnostics (the server keeps the old one).
public enum WorkspaceReload: Sendable {
    /// The new workspace, and how many warnings it has.
    case reloaded(Workspace, warnings: Int)
    /// The workspace has errors; the rendered diagnostics say which.
    case kept(errors: Int, diagnostics: String)

    /// Re-reads the workspace at `root`.
    public static func attempt(root: URL) -> WorkspaceReload {
        let loaded = WorkspaceLoader(root: root).load()
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let workspace = loaded.workspace else {
            let text = TextDiagnosticRenderer(sources: loaded.sources).renderDiagnostics(Diagnostic.sortedForOutput(errors))
            return .kept(errors: max(1, errors.count), diagnostics: text)
        }
        return .reloaded(workspace, warnings: loaded.diagnostics.filter { $0.severity == .warning }.count)
    }
}
