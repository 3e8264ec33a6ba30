import Foundation
import GlocalCore
import GlocalServer
import GlocalStore
import GlocalUseCases
import GlocalYAML

extension ServedWorkspace {
    /// The web UI's environment for `workspace` (the one loaded at start, or a reloaded one) on this store.
    func environment(workspace: Workspace, publicURL: URL?, clock: @escaping @Sendable () -> Date) -> ServerEnvironment {
        var environment = ServerEnvironment(
            workspace: workspace, workspaceRoot: access.root, store: store, users: store.users,
            sessions: store.sessions, media: FileMediaInspector(root: access.root), now: clock)
        environment.publicURL = publicURL
        // Without a readable key only signed-in users see media; the commands that dispatch report the key's fault.
        environment.mediaSigner = try? access.mediaURLSigner()
        return environment
    }
}
