#if canImport(Glibc)
    import Glibc
#endif

/// What the child does with its descriptors before it runs the program: `posix_spawn_file_actions_t`, with glibc's
/// `addchdir_np` and `addclosefrom_np` (`CLibrary`).
final class SpawnFileActions {
    let actions: UnsafeMutablePointer<posix_spawn_file_actions_t>

    init() throws {
        actions = .allocate(capacity: 1)
        let code = posix_spawn_file_actions_init(actions)
        guard code == 0 else {
            actions.deallocate()
            throw SystemCallFailure(name: "posix_spawn_file_actions_init", code: code)
        }
    }

    deinit {
        posix_spawn_file_actions_destroy(actions)
        actions.deallocate()
    }

    /// Opens `path` as descriptor `descriptor` in the child.
    func open(_ descriptor: Int32, _ path: String, flags: Int32) throws {
        try check("posix_spawn_file_actions_addopen", posix_spawn_file_actions_addopen(actions, descriptor, path, flags, 0))
    }

    /// Makes `descriptor` a copy of `source` in the child (without close-on-exec).
    func duplicate(_ source: Int32, as descriptor: Int32) throws {
        try check("posix_spawn_file_actions_adddup2", posix_spawn_file_actions_adddup2(actions, source, descriptor))
    }

    /// Changes the child's working directory to `path`.
    func changeDirectory(_ path: String) throws {
        let name = "posix_spawn_file_actions_addchdir_np"
        guard let addChdir = CLibrary.addChdir else { throw CLibrary.missing(name) }
        try check(name, path.withCString { addChdir(actions, $0) })
    }

    /// Closes every descriptor from `lowest` up in the child.
    func closeAll(from lowest: Int32) throws {
        let name = "posix_spawn_file_actions_addclosefrom_np"
        guard let addClosefrom = CLibrary.addClosefrom else { throw CLibrary.missing(name) }
        try check(name, addClosefrom(actions, lowest))
    }

    private func check(_ name: String, _ code: Int32) throws {
        guard code == 0 else { throw SystemCallFailure(name: name, code: code) }
    }
}
