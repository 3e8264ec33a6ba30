import Foundation

/// Lines written straight to standard output's descriptor: scripts and tests wait for them, and they
/// must come before the server's own.
enum UnbufferedOutput {
    /// Writes `line` and a line break.
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
