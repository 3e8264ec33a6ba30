import Foundation
import GlocalCore
import GlocalStore

/// What `serve` and `run` open before serving: the demo's set-up when asked for, then the workspace and
/// its store (created when missing).
public struct ServedWorkspace: Sendable {
    /// Where the workspace and its store are.
    public let access: WorkspaceAccess
    /// The workspace, loaded once for the server's lifetime.
    public let workspace: Workspace
    /// The store.
    public let store: any WorkspaceStore

    /// Opens `access`'s workspace and store; with `demo`, first runs `DemoSetup` at `now`, telling `say`.
    public init(access: WorkspaceAccess, demo: Bool, now: Date, say: @escaping @Sendable (String) -> Void) throws {
        if demo { try DemoSetup(access: access, now: now, say: say).prepare() }
        self.access = access
        workspace = try access.loadWorkspace()
        store = try access.openStore(.createdIfMissing)
    }
}
