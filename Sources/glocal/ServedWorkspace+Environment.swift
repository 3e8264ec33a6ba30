import Foundation
import GlocalServer
import GlocalStore
import GlocalUseCases
import GlocalYAML

extension ServedWorkspace {
    /// Opens `access`'s workspace for `serve` or `run` (with `demo`, the demo's set-up first, printed as it goes).
    static func open(_ access: WorkspaceAccess, demo: Bool, now: Date) throws -> ServedWorkspace {
        try ServedWorkspace(access: access, demo: demo, now: now, say: { UnbufferedOutput.say($0) })
    }

    /// The web UI's environment: this workspace and store, its users and sessions, media read from disk.
    func environment(clock: @escaping @Sendable () -> Date) -> ServerEnvironment {
        ServerEnvironment(
            workspace: workspace, workspaceRoot: access.root, store: store, users: store.users,
            sessions: store.sessions, media: FileMediaInspector(root: access.root), now: clock)
    }
}
