#if canImport(Glibc)
    import Glibc
#endif

/// glibc functions that Swift's Glibc module does not expose (GNU extensions), looked up with `dlsym`; nil where
/// this C library has none.
enum CLibrary {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `pipe2(fds, flags)` (glibc 2.9).
    static let pipe2 = function("pipe2", as: Pipe2.self)
    /// `posix_spawn_file_actions_addchdir_np(actions, path)` (glibc 2.29).
    static let addChdir = function("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    /// `posix_spawn_file_actions_addclosefrom_np(actions, from)` (glibc 2.34).
    static let addClosefrom = function("posix_spawn_file_actions_addclosefrom_np", as: AddClosefrom.self)

    private static func function<Function>(_ name: String, as type: Function.Type) -> Function? {
        // RTLD_DEFAULT: the global symbol, wherever it is loaded from.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// The failure of calling `name`, missing from this C library.
    static func missing(_ name: String) -> SystemCallFailure {
        SystemCallFailure(name: name + " (not in this C library)", code: ENOSYS)
    }
}
