#if canImport(Glibc)
    import Glibc
#endif

/// A C library call that failed, with the `errno` value it gave.
struct SystemCallFailure: Error {
    /// The function, e.g. `pipe2`.
    var name: String
    /// The `errno` value.
    var code: Int32

    /// Throws a failure of `name` with the current `errno` when `result` is -1.
    static func check(_ name: String, _ result: Int32) throws {
        if result == -1 { throw SystemCallFailure(name: name, code: errno) }
    }
}
