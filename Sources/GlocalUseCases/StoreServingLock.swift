import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The advisory lock that says a process uses a store: `glocal serve`, `run` and `dispatch` hold it shared
/// (`flock(LOCK_SH)` on `<store>.serving`) for their lifetime, and `glocal store restore` takes it
/// exclusively, so a restore is refused while any server holds the store. The kernel drops it when the
/// process dies, so a crashed server never blocks a restore.
public final class StoreServingLock: Sendable {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The lock file of the store at `databasePath`.
    public static func lockPath(forStoreAt databasePath: String) -> String { databasePath + ".serving" }

    /// Takes the lock shared (a server); `nil` with the reason when it cannot (a restore is running).
    public static func holdShared(forStoreAt databasePath: String) throws -> StoreServingLock {
        try take(forStoreAt: databasePath, operation: LOCK_SH, refusal: "a restore of this store is in progress")
    }

    /// Takes the lock exclusively (a restore); throws when a server holds the store.
    public static func holdExclusive(forStoreAt databasePath: String) throws -> StoreServingLock {
        try take(
            forStoreAt: databasePath, operation: LOCK_EX,
            refusal: "glocal serve, run or dispatch holds this store: stop it first")
    }

    private static func take(forStoreAt databasePath: String, operation: Int32, refusal: String) throws -> StoreServingLock {
        let path = lockPath(forStoreAt: databasePath)
        // Folders it makes are its owner's only, as the store's (0700); the lock file too (0600).
        try? FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreBackupError(message: "cannot open the lock file \(path)") }
        guard flock(descriptor, operation | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreBackupError(message: refusal)
        }
        return StoreServingLock(descriptor: descriptor, path: path)
    }
}
