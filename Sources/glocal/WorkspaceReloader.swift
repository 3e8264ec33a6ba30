import Foundation
import GlocalCore
import GlocalServer
import GlocalUseCases
import Synchronization

/// What `serve` and `run` do on SIGHUP: re-read the workspace; when it loads without errors, serve it
/// (and tell `onReload`); else keep the old one and log the diagnostics.
final class WorkspaceReloader: Sendable {
    let served: ServedWorkspace
    let server: ReloadableApprovalServer?
    let log: ServiceLog
    let clock: @Sendable () -> Date
    let publicURL: URL?
    private let state: Mutex<(workspace: Workspace, generation: Int)>

    init(
        served: ServedWorkspace, server: ReloadableApprovalServer?, log: ServiceLog, publicURL: URL?,
        clock: @escaping @Sendable () -> Date
    ) {
        self.served = served
        self.server = server
        self.log = log
        self.publicURL = publicURL
        self.clock = clock
        state = Mutex((served.workspace, 0))
    }

    /// The workspace served now.
    var workspace: Workspace { state.withLock { $0.workspace } }
    /// How many reloads took effect.
    var generation: Int { state.withLock { $0.generation } }

    /// Re-reads the workspace.
    func reload() {
        log.log(.info, "reloading the workspace", [("root", .text(served.access.root.path))])
        switch WorkspaceReload.attempt(root: served.access.root) {
        case .reloaded(let workspace, let warnings):
            server?.reload(served.environment(workspace: workspace, publicURL: publicURL, clock: clock))
            state.withLock { $0 = (workspace, $0.generation + 1) }
            log.log(
                .notice, "workspace reloaded",
                [
                    ("accounts", .integer(workspace.accounts.count)), ("campaigns", .integer(workspace.campaigns.count)),
                    ("warnings", .integer(warnings)),
                ])
        case .kept(let errors, let diagnostics):
            log.log(
                .error, "workspace reload refused: still serving the previous workspace",
                [("errors", .integer(errors)), ("diagnostics", .text(diagnostics))])
        }
    }
}
