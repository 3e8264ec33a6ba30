#if canImport(Glibc)
    import Glibc
#endif

extension ChildProcess {
    /// How a child process ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        /// It exited with this code (0 to 255).
        case exited(Int32)
        /// A signal ended it (`SIGKILL`, `SIGSEGV`…).
        case signalled(Int32)

        /// Foundation's `terminationStatus`: the exit code, or the number of the signal that ended the process.
        public var status: Int32 {
            switch self {
            case .exited(let code): return code
            case .signalled(let signal): return signal
            }
        }

        /// E.g. `exit 2` or `signal 9`.
        public var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }

        /// The termination a `waitpid` status stands for (exited or killed by a signal; never called for a stopped child).
        init(waitStatus: Int32) {
            let signal = waitStatus & 0x7f
            self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        }
    }
}
