#if canImport(Glibc)
    import Glibc
#endif

/// A child process that could not be started, or whose standard input could not be written.
public struct ChildProcessError: Error, CustomStringConvertible, Sendable {
    /// The program, as given to `ChildProcess`.
    public let executable: String
    /// The working directory the child was to start in, if one was given.
    public let directory: String?
    /// What could not be done: `start` or `write to the standard input of`.
    public let action: String
    /// The C library function that failed, e.g. `posix_spawn`.
    public let function: String
    /// The `errno` value it gave.
    public let code: Int32

    /// E.g. `cannot start /usr/bin/nothing: No such file or directory (posix_spawn)`.
    public var description: String {
        let place = directory.map { " in \($0)" } ?? ""
        return "cannot \(action) \(executable)\(place): \(String(cString: strerror(code))) (\(function))"
    }

    init(executable: String, directory: String?, action: String, failure: SystemCallFailure) {
        self.executable = executable
        self.directory = directory
        self.action = action
        function = failure.name
        code = failure.code
    }
}
