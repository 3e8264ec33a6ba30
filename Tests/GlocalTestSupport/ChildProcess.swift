import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program the tests run as a child process, started with `posix_spawn` and reaped with `waitpid`.
///
/// The tests never use Foundation's `Process`: on Linux, Swift 6.3.1's `Process.run()` lists `/proc/self/fd` before
/// each spawn and can read past a buffer there, killing the whole test process with SIGSEGV
/// (swift-corelibs-foundation#5472).
///
/// The child gets descriptors 0, 1 and 2 as asked and no other descriptor of the test process (all of them from 3 up
/// are closed in it), a process group of its own (as Foundation's `Process` gives it), no blocked signal and every
/// signal at its default action. Collected output is read by a thread per pipe as it comes, so a child that prints
/// a lot never blocks on a full pipe, and the test can look at what it printed while it runs.
public final class ChildProcess: @unchecked Sendable {
    /// Where the child's standard input comes from.
    public enum Input: Equatable, Sendable {
        /// `/dev/null`: the child reads end of file at once.
        case null
        /// A pipe the test writes to with `write(_:)` and closes with `closeInput()`.
        case pipe
        /// The test process's own standard input.
        case inherit
    }

    /// Where the child's standard output or standard error goes.
    public enum Output: Equatable, Sendable {
        /// `/dev/null`.
        case null
        /// A pipe read as it comes: `printed`, `standardOutput`, `standardError`.
        case collect
        /// For standard error only: wherever standard output goes (2>&1).
        case sameAsOutput
        /// A descriptor of the test process, e.g. of a log file (the test keeps and closes it).
        case descriptor(Int32)
        /// The test process's own standard output or standard error.
        case inherit
    }

    /// The child's process id.
    public let pid: pid_t
    /// The program, as given.
    public let executable: String

    private let collected = CollectedOutput()
    /// Guards `ended` and reaping: the child is reaped only under it, so its id is never signalled once reused.
    private let lock = NSLock()
    private var ended: Termination?
    /// Guards `input`; separate from `lock` as a write can block until the child reads.
    private let inputLock = NSLock()
    private var input: Int32?

    /// Starts `executable` (a path: no `PATH` lookup; `/usr/bin/env` finds `python3`) with `arguments`, in `directory`
    /// (nil: the test process's), with exactly `environment` (nil: the test process's).
    ///
    /// Throws `ChildProcessError` when the child cannot be started (no such program, not executable, no such
    /// directory…). A child whose standard output or error is collected should not leave a process running that
    /// inherits it: `wait()` waits until every writer of the pipe is gone. Such a child writes to a `.descriptor`.
    public init(
        executable: String, arguments: [String] = [], directory: String? = nil, environment: [String: String]? = nil,
        input: Input = .null, output: Output = .collect, error: Output = .collect
    ) throws {
        precondition(output != .sameAsOutput, "only standard error can go where standard output goes")
        self.executable = executable
        // The test's ends of the pipes (kept on success) and the child's (closed here once it has them).
        var ours: [Int32] = []
        var theirs: [Int32] = []
        defer { theirs.forEach { close($0) } }
        do {
            let actions = try SpawnFileActions()
            switch input {
            case .null: try actions.open(0, "/dev/null", flags: O_RDONLY)
            case .pipe:
                let (reader, writer) = try Self.pipe()
                theirs.append(reader)
                ours.append(writer)
                try actions.duplicate(reader, as: 0)
                self.input = writer
            case .inherit: break
            }
            var readers: [(Int32, CollectedOutput.Stream)] = []
            for (destination, descriptor, stream) in [(output, Int32(1), CollectedOutput.Stream.output), (error, 2, .error)] {
                switch destination {
                case .null: try actions.open(descriptor, "/dev/null", flags: O_WRONLY)
                case .collect:
                    let (reader, writer) = try Self.pipe()
                    theirs.append(writer)
                    ours.append(reader)
                    try actions.duplicate(writer, as: descriptor)
                    readers.append((reader, stream))
                case .sameAsOutput: try actions.duplicate(1, as: 2)
                case .descriptor(let source): try actions.duplicate(source, as: descriptor)
                case .inherit: break
                }
            }
            if let directory { try actions.changeDirectory(directory) }
            try actions.closeAll(from: 3)
            pid = try Self.spawn(executable, arguments, environment: environment, actions: actions)
            for (reader, stream) in readers { collected.read(reader, as: stream) }
        } catch let failure as SystemCallFailure {
            ours.forEach { close($0) }
            throw ChildProcessError(executable: executable, directory: directory, action: "start", failure: failure)
        }
    }

    deinit {
        closeInput()
        // Reaped if it has ended (not waited for: a test may leave a child it killed or told to stop).
        lock.withLock { _ = reapIfEnded() }
    }

    /// A pipe whose two ends are closed on exec in the test process's children (the child gets copies as 0, 1 or 2).
    private static func pipe() throws -> (reader: Int32, writer: Int32) {
        guard let pipe2 = CLibrary.pipe2 else { throw CLibrary.missing("pipe2") }
        var ends: [Int32] = [-1, -1]
        try SystemCallFailure.check("pipe2", pipe2(&ends, O_CLOEXEC))
        return (ends[0], ends[1])
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?, actions: SpawnFileActions
    ) throws -> pid_t {
        let attributes = UnsafeMutablePointer<posix_spawnattr_t>.allocate(capacity: 1)
        defer { attributes.deallocate() }
        try check("posix_spawnattr_init", posix_spawnattr_init(attributes))
        defer { posix_spawnattr_destroy(attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        try check("posix_spawnattr_setsigmask", posix_spawnattr_setsigmask(attributes, &none))
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        try check("posix_spawnattr_setsigdefault", posix_spawnattr_setsigdefault(attributes, &all))
        try check("posix_spawnattr_setpgroup", posix_spawnattr_setpgroup(attributes, 0))
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP
        try check("posix_spawnattr_setflags", posix_spawnattr_setflags(attributes, Int16(flags)))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let code =
            if let envp {
                posix_spawn(&pid, executable, actions.actions, attributes, argv, envp)
            } else {
                posix_spawn(&pid, executable, actions.actions, attributes, argv, environ)
            }
        try check("posix_spawn", code)
        return pid
    }

    /// Throws when `code`, an error number returned by a `posix_spawn` function, is not 0.
    private static func check(_ name: String, _ code: Int32) throws {
        guard code == 0 else { throw SystemCallFailure(name: name, code: code) }
    }

    // MARK: - Running and ending

    /// Whether the child has not ended yet (it is reaped, and how it ended kept, the first time it is seen ended).
    public var isRunning: Bool { lock.withLock { reapIfEnded() == nil } }

    /// How the child ended, or nil while it runs; does not wait.
    public var termination: Termination? { lock.withLock { reapIfEnded() } }

    /// Waits until the child has ended and every collected pipe is read to its end; returns how the child ended.
    @discardableResult
    public func wait() -> Termination {
        if termination == nil {
            // Blocks until the child has ended without reaping it (WNOWAIT): reaping happens under `lock` only.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1, errno == EINTR {}
        }
        guard let termination else { preconditionFailure("waitid(\(pid)) returned while the child runs") }
        collected.waitForEndOfFile()
        return termination
    }

    /// Foundation's `terminationStatus`: the exit code, or the number of the signal that ended the child; waits.
    public var terminationStatus: Int32 { wait().status }

    /// Sends `signal` unless the child has been reaped already; whether it was sent.
    @discardableResult
    public func kill(_ signal: Int32) -> Bool {
        lock.withLock { ended == nil && Glibc.kill(pid, signal) == 0 }
    }

    /// Sends SIGTERM (Foundation's `terminate()`).
    public func terminate() { kill(SIGTERM) }

    /// The child's termination, reaping it if it has ended; `lock` is held.
    private func reapIfEnded() -> Termination? {
        if let ended { return ended }
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, WNOHANG) } while result == -1 && errno == EINTR
        if result == 0 { return nil }
        guard result == pid else {
            preconditionFailure("waitpid(\(pid)): \(String(cString: strerror(errno))): the child was reaped elsewhere")
        }
        ended = Termination(waitStatus: status)
        return ended
    }

    // MARK: - Input

    /// Writes `text` to the child's standard input (`.pipe`), waiting while the pipe is full. Throws
    /// `ChildProcessError` when the child no longer reads it (EPIPE) or the write fails otherwise.
    public func write(_ text: String) throws {
        try inputLock.withLock {
            guard let input else { preconditionFailure("standard input is not a pipe, or was closed") }
            // No SIGPIPE for this test process when the child is gone: EPIPE instead, its pending signal taken.
            var brokenPipe = sigset_t()
            sigemptyset(&brokenPipe)
            sigaddset(&brokenPipe, SIGPIPE)
            var previous = sigset_t()
            pthread_sigmask(SIG_BLOCK, &brokenPipe, &previous)
            defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let count = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
                if count >= 0 {
                    bytes = bytes.dropFirst(count)
                } else if errno != EINTR {
                    let failure = SystemCallFailure(name: "write", code: errno)
                    if failure.code == EPIPE {
                        var now = timespec()
                        _ = sigtimedwait(&brokenPipe, nil, &now)
                    }
                    throw ChildProcessError(
                        executable: executable, directory: nil, action: "write to the standard input of", failure: failure)
                }
            }
        }
    }

    /// Closes the child's standard input (`.pipe`): it reads end of file. Does nothing once closed.
    public func closeInput() {
        inputLock.withLock {
            if let input { close(input) }
            input = nil
        }
    }

    // MARK: - Output

    /// Everything collected so far, standard output and standard error in the order they came.
    public var printed: String { collected.printed }

    /// The standard output collected so far (`.collect`; with standard error `.sameAsOutput`, both).
    public var standardOutput: String { collected.text(of: .output) }

    /// The standard error collected so far (`.collect`).
    public var standardError: String { collected.text(of: .error) }

    /// Waits until the collected standard output holds a whole line (the child goes on running) and returns that first
    /// line without its newline; nil when the output ended without one (the child closed it or ended).
    public func firstLine() -> String? { collected.firstLine(of: .output) }

    // MARK: - Run to the end

    /// Runs `executable` to its end, `input` (if any) written to its standard input (else `/dev/null`), and collects
    /// both of its output streams (`mergingErrorIntoOutput`: standard error goes to `output`, `error` is empty).
    /// `status` is Foundation's `terminationStatus`. A child that ends without reading all of `input` is no error:
    /// its status tells.
    public static func run(
        executable: String, arguments: [String] = [], directory: String? = nil, environment: [String: String]? = nil,
        input: String? = nil, mergingErrorIntoOutput: Bool = false
    ) throws -> (status: Int32, output: String, error: String) {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, directory: directory, environment: environment,
            input: input == nil ? .null : .pipe, output: .collect, error: mergingErrorIntoOutput ? .sameAsOutput : .collect)
        if let input {
            try? child.write(input)
            child.closeInput()
        }
        let status = child.wait().status
        return (status, child.standardOutput, child.standardError)
    }
}
