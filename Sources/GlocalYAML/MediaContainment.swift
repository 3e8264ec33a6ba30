import Foundation
import GlocalCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides where a workspace-relative media path really leads, before anything reads it: symbolic links are
/// resolved, and a path that ends outside the workspace root, or at something other than a regular file, is refused.
struct MediaContainment: Sendable {
    /// The workspace root with its own symbolic links resolved.
    let root: String

    /// Where a media path leads.
    enum Outcome: Equatable {
        /// A regular file inside the workspace, at this resolved absolute path.
        case inside(String)
        /// Nothing there (or a symbolic link to nothing).
        case missing
        /// Refused before reading.
        case refused(MediaProblem)
    }

    init(root: URL) {
        self.root = Self.realPath(root.path) ?? root.standardizedFileURL.path
    }

    /// Where `path` (relative to the root) leads.
    func resolve(_ path: String) -> Outcome {
        if let reason = MediaPath.problem(path) { return .refused(.pathInvalid(reason)) }
        guard let resolved = Self.realPath(root + "/" + path) else {
            if errno == ELOOP { return .refused(.notRegularFile("a loop of symbolic links")) }
            // A missing file in a folder that is a link to elsewhere is still a path out of the workspace.
            let folder = MediaPath.split(path).folder
            if !folder.isEmpty, let outside = Self.realPath(root + "/" + folder), outside != root, !contains(outside) {
                return .refused(.outsideWorkspace)
            }
            return .missing
        }
        guard contains(resolved) else { return .refused(.outsideWorkspace) }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .inside(resolved)
        case S_IFDIR: return .refused(.notRegularFile("a folder"))
        case S_IFIFO: return .refused(.notRegularFile("a FIFO (named pipe)"))
        case S_IFSOCK: return .refused(.notRegularFile("a socket"))
        default: return .refused(.notRegularFile("a device"))
        }
    }

    /// The resolved folder of `path`, when it exists inside the workspace (for "did you mean" listings).
    func folder(of path: String) -> String? {
        let folder = MediaPath.split(path).folder
        guard let resolved = Self.realPath(folder.isEmpty ? root : root + "/" + folder), resolved == root || contains(resolved)
        else { return nil }
        return resolved
    }

    private func contains(_ resolved: String) -> Bool {
        resolved.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A regular file read with `pread`: decoders fetch headers and tails, never the whole file.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    let count: Int

    /// Opens `path` without following a final symbolic link and without blocking on a FIFO; `nil` unless it is a
    /// regular file once open (the check is repeated on the open descriptor, so a swap after resolving is caught).
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        descriptor = fd
        count = Int(info.st_size)
    }

    deinit { close(descriptor) }

    func bytes(at offset: Int, count length: Int) -> [UInt8] {
        guard offset >= 0, length > 0, offset < count else { return [] }
        let wanted = min(length, count - offset, 1 << 20)
        var buffer = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let read = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, wanted - filled, off_t(offset + filled))
            }
            if read <= 0 { break }
            filled += read
        }
        return Array(buffer[0..<filled])
    }
}
