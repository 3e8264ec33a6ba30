import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides whether a path named by a workspace stays inside it, and reads a file only when it does.
///
/// The path is resolved one component at a time, following symbolic links with `readlink(2)` and never
/// looking at anything outside the root: as soon as a `..` or a link leaves the workspace the answer is
/// `.outside`, whether the target exists or not. A path must land on something not hidden (no component
/// starting with `.`, so `.glocal/`, `.git/` and `.env` are never workspace files) and, for `read`, on a
/// regular file within the caller's size limit. A refused file is never opened, so nothing from outside the
/// workspace can reach a diagnostic or an HTTP answer.
public struct WorkspaceContainment: Sendable {
    /// The workspace root as given, standardized.
    public let root: String
    /// The workspace root with every symbolic link resolved.
    public let realRoot: String

    /// Symbolic links followed for one path before it counts as a loop (as Linux's `MAXSYMLINKS`).
    static let maximumLinks = 40

    /// A checker for paths below `root` (the root itself may be reached through symbolic links).
    public init(root: URL) {
        let path = root.standardizedFileURL.path
        self.root = path
        realRoot =
            path.withCString { pointer -> String? in
                guard let resolved = realpath(pointer, nil) else { return nil }
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? path
    }

    /// What a path turned out to be.
    public enum FileKind: String, Sendable, Equatable {
        /// A regular file.
        case regularFile = "a regular file"
        /// A directory.
        case folder = "a folder"
        /// A FIFO: reading one waits for a writer, possibly forever.
        case namedPipe = "a named pipe (FIFO)"
        /// A character device such as `/dev/zero`.
        case characterDevice = "a character device"
        /// A block device.
        case blockDevice = "a block device"
        /// A Unix socket.
        case socket = "a socket"
    }

    /// Why a path was refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// Nothing is there; `danglingLink` when a symbolic link inside the workspace leads to nothing.
        case missing(danglingLink: Bool)
        /// The path leaves the workspace: through a symbolic link, or written with `..` or as an absolute path.
        case outside(throughLink: Bool)
        /// The path lands on a hidden file or folder (`resolved` is relative to the root).
        case hidden(resolved: String)
        /// Something other than what was expected (a folder where a file belongs, a FIFO, a device).
        case wrongKind(FileKind)
        /// A file larger than the limit.
        case tooLarge(bytes: Int, limit: Int)
        /// A loop of symbolic links, or the operating system refused access.
        case unreadable(reason: String)
    }

    /// Where a path lands inside the workspace.
    public struct Location: Sendable, Equatable {
        /// The resolved path relative to the root (`""` for the root itself).
        public var resolved: String
        /// What is there.
        public var kind: FileKind
        /// Its size in bytes (for a regular file).
        public var bytes: Int
        /// Whether a symbolic link was followed on the way.
        public var throughLink: Bool
    }

    /// Resolves `relativePath` inside the workspace without reading it.
    public func locate(_ relativePath: String) -> Result<Location, Refusal> {
        if relativePath.hasPrefix("/") { return .failure(.outside(throughLink: false)) }
        if relativePath.isEmpty || relativePath.utf8.contains(0) { return .failure(.missing(danglingLink: false)) }
        var pending = relativePath.split(separator: "/").map(String.init)
        var current: [String] = []
        var links = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." { continue }
            if component == ".." {
                if current.isEmpty { return .failure(.outside(throughLink: links > 0)) }
                current.removeLast()
                continue
            }
            let candidate = absolute(current + [component])
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                return .failure(errno == EACCES ? .unreadable(reason: "permission denied") : .missing(danglingLink: links > 0))
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                links += 1
                guard links <= Self.maximumLinks else { return .failure(.unreadable(reason: "a loop of symbolic links")) }
                guard let target = Self.linkTarget(candidate) else {
                    return .failure(.unreadable(reason: "an unreadable symbolic link"))
                }
                if target.hasPrefix("/") {
                    guard let inside = insideRelative(target) else { return .failure(.outside(throughLink: true)) }
                    current = []
                    pending = inside + pending
                } else {
                    pending = target.split(separator: "/").map(String.init) + pending
                }
                continue
            }
            if !pending.isEmpty, info.st_mode & S_IFMT != S_IFDIR { return .failure(.missing(danglingLink: links > 0)) }
            current.append(component)
        }
        if current.contains(where: { $0.hasPrefix(".") }) { return .failure(.hidden(resolved: current.joined(separator: "/"))) }
        var info = stat()
        guard stat(absolute(current), &info) == 0 else { return .failure(.missing(danglingLink: links > 0)) }
        let resolved = current.joined(separator: "/")
        return .success(Location(resolved: resolved, kind: Self.kind(of: info), bytes: Int(info.st_size), throughLink: links > 0))
    }

    /// Resolves `relativePath` and requires a regular file of at most `limit` bytes.
    public func file(_ relativePath: String, limit: Int) -> Result<Location, Refusal> {
        locate(relativePath).flatMap { location in
            guard location.kind == .regularFile else { return .failure(.wrongKind(location.kind)) }
            guard location.bytes <= limit else { return .failure(.tooLarge(bytes: location.bytes, limit: limit)) }
            return .success(location)
        }
    }

    /// Resolves `relativePath` and requires a folder.
    public func folder(_ relativePath: String) -> Result<Location, Refusal> {
        locate(relativePath).flatMap { location in
            location.kind == .folder ? .success(location) : .failure(.wrongKind(location.kind))
        }
    }

    /// The content of the regular file at `relativePath`, read only if it is inside the workspace and at most `limit` bytes.
    public func read(_ relativePath: String, limit: Int) -> Result<Data, Refusal> {
        file(relativePath, limit: limit).flatMap { location in
            // O_NOFOLLOW and O_NONBLOCK: should the file be swapped for a link or a FIFO after the check,
            // the open fails or returns at once instead of leaving the workspace or waiting forever.
            let descriptor = open(absolutePath(of: location), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
            guard Self.kind(of: info) == .regularFile else { return .failure(.wrongKind(Self.kind(of: info))) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
                if data.count > limit { return .failure(.tooLarge(bytes: data.count, limit: limit)) }
            }
            return .success(data)
        }
    }

    /// One sentence for a diagnostic or a log: what `path` is and that it was not read. Never names a place outside.
    public static func explanation(of refusal: Refusal, for path: String) -> String {
        switch refusal {
        case .missing(let dangling):
            return dangling
                ? "\(path) is a symbolic link to something that does not exist; it was not read"
                : "\(path) does not exist"
        case .outside(let throughLink):
            return throughLink
                ? "\(path) leads outside the workspace through a symbolic link; it was not read"
                : "\(path) is outside the workspace; it was not read"
        case .hidden(let resolved):
            return "\(path) leads to '\(resolved)', which is hidden (hidden files and folders are never workspace files); "
                + "it was not read"
        case .wrongKind(let kind):
            return "\(path) is \(kind.rawValue), not a regular file; it was not read"
        case .tooLarge(let bytes, let limit):
            // In bytes when the rounded sizes read the same (16 777 217 bytes is "16 MiB" too).
            if Self.mebibytes(bytes) == Self.mebibytes(limit) {
                return "\(path) is \(bytes) bytes, over the limit of \(limit) bytes (\(Self.mebibytes(limit))); it was not read"
            }
            return "\(path) is \(Self.mebibytes(bytes)), over the limit of \(Self.mebibytes(limit)); it was not read"
        case .unreadable(let reason):
            return "\(path) cannot be read: \(reason)"
        }
    }

    /// The absolute path of a location that `locate` returned.
    public func absolutePath(of location: Location) -> String {
        absolute(location.resolved.split(separator: "/").map(String.init))
    }

    // MARK: Helpers

    private func absolute(_ components: [String]) -> String {
        components.isEmpty ? realRoot : (realRoot == "/" ? "" : realRoot) + "/" + components.joined(separator: "/")
    }

    /// The components of an absolute link target below the root, or `nil` when it points elsewhere.
    private func insideRelative(_ target: String) -> [String]? {
        for base in [realRoot, root] {
            if target == base { return [] }
            let prefix = base == "/" ? "/" : base + "/"
            if target.hasPrefix(prefix) { return target.dropFirst(prefix.count).split(separator: "/").map(String.init) }
        }
        return nil
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What `path` is, following symbolic links (`nil` when nothing is there): for files an operator names outside a
    /// workspace, such as the service configuration.
    public static func kind(at path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(of: info)
    }

    private static func kind(of info: stat) -> FileKind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .folder
        case S_IFIFO: return .namedPipe
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        default: return .socket
        }
    }

    private static func mebibytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 ? "\(Int(value.rounded())) MiB" : String(format: "%.1f MiB", value)
    }
}

/// `read(2)`, under a name that the struct's own `read` does not shadow.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
