import Foundation
import GlocalServer
import GlocalStore
import GlocalUseCases
import GlocalYAML

extension ServedWorkspace {
    /// Opens `access`'s workspace for `serve` or `run` as node `nodeID` (with `demo`, the demo's set-up first, printed
    /// as it goes).
    static func open(_ access: WorkspaceAccess, demo: Bool, now: Date, nodeID: String? = nil) throws -> ServedWorkspace {
        try ServedWorkspace(access: access, demo: demo, now: now, nodeID: nodeID, say: { UnbufferedOutput.say($0) })
    }

    /// Holds the store's serving lock for `serve` and `run` (on SQLite; a restore is refused meanwhile).
    func holdStore() throws -> StoreServingLock? {
        do { return try holdServingLock() } catch let error as StoreBackupError {
            throw CommandFailure(message: "\(access.storeDescription): \(error.message)")
        }
    }

}
