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

}
