import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The liveness of the nodes sharing one SQLite file: each node holds an exclusive `flock` on its own side file,
/// `DATABASE-nodes/<node>.lock`, for its whole life (removed when it lets go); the kernel lets go of it when the
/// process dies, even on `kill -9` (the file then stays, unlocked, until the id runs and stops again).
/// A node is alive while a non-blocking `flock` on its file from another descriptor fails.
public struct FileNodeLiveness: NodeLiveness {
    /// The folder of the lock files, next to the database.
    public let directory: URL

    /// The liveness of the nodes sharing the database at `databasePath`.
    public init(databasePath: String) {
        directory = URL(fileURLWithPath: databasePath + "-nodes", isDirectory: true)
    }

    /// The lock file of node `worker`: its id where that is a plain file name, else a readable part and a hash.
    public func lockFile(_ worker: String) -> URL {
        directory.appendingPathComponent(Self.fileName(worker) + ".lock")
    }

    /// Whether `worker`'s lock file is locked by a live descriptor (no file: the node never ran with liveness).
    public func isAlive(_ worker: String) throws -> Bool {
        let path = lockFile(worker).path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return false }
            throw NodeLivenessError.unavailable(worker: worker, reason: "cannot open \(path): \(Self.errorText())")
        }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        if errno == EWOULDBLOCK { return true }
        throw NodeLivenessError.unavailable(worker: worker, reason: "cannot lock \(path): \(Self.errorText())")
    }

    /// Takes `worker`'s lock file. A check by another node holds it for an instant, so a refusal is tried again for a
    /// moment before it means that a live node runs under this id. The file is removed when the lock is let go (ids
    /// default to `HOSTNAME-PID`, so files would pile up), which is why a lock taken on a file that was removed meanwhile
    /// is not kept: the file at the path is opened again.
    public func hold(_ worker: String) throws -> NodeLivenessLock {
        let path = lockFile(worker).path
        do {
            // Beside the store and as private as it: the folder 0700, each lock file 0600.
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw NodeLivenessError.unavailable(worker: worker, reason: "cannot create \(directory.path)")
        }
        for attempt in 0..<50 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw NodeLivenessError.unavailable(worker: worker, reason: "cannot open \(path): \(Self.errorText())")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                if Self.isStillAt(path, descriptor) {
                    return NodeLivenessLock {
                        unlink(path)  // while still holding it: a checker then finds no file (not alive) or this one
                        close(descriptor)
                    }
                }
                close(descriptor)
                continue
            }
            let failure = errno
            close(descriptor)
            guard failure == EWOULDBLOCK else {
                throw NodeLivenessError.unavailable(
                    worker: worker, reason: "cannot lock \(path): \(String(cString: strerror(failure)))")
            }
            if attempt < 49 { usleep(20_000) }
        }
        throw NodeLivenessError.heldElsewhere(worker: worker)
    }

    /// Whether `descriptor` is still the file at `path` (not one its holder removed as it let go).
    private static func isStillAt(_ path: String, _ descriptor: Int32) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// A file name for `worker`: kept as it is when it is made of letters, digits, `.`, `_` and `-` only (and does not
    /// start with a dot); otherwise those characters, `_` for the others, and a hash of the whole id so two ids never
    /// share a file.
    static func fileName(_ worker: String) -> String {
        let plain = worker.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
        }
        if plain && !worker.hasPrefix(".") && !worker.isEmpty && worker.utf8.count <= 200 { return worker }
        let readable = String(
            String.UnicodeScalarView(
                worker.unicodeScalars.prefix(100).map {
                    $0.isASCII && CharacterSet.alphanumerics.contains($0) ? $0 : "_"
                }))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in worker.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return readable + "-" + String(hash, radix: 16)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
