import Foundation
import GlocalTestSupport

/// Starts a Python script that prints the port it listens on as its first line.
enum LoopbackPython {
    /// Kills the script (SIGKILL: nothing of it needs to end cleanly) and reaps it.
    static func stop(_ process: ChildProcess) {
        process.kill(SIGKILL)
        process.wait()
    }

    /// The running process and its port; throws (with the script's error output) when it does not start.
    static func start(script: String, arguments: [String]) throws -> (ChildProcess, Int) {
        let process = try ChildProcess(executable: "/usr/bin/env", arguments: ["python3", "-c", script] + arguments)
        // Waits until the script writes its first line or exits (end of file: nil).
        guard let line = process.firstLine(), let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            stop(process)
            let why = process.standardError
            throw LoopbackPythonError(
                description: "the loopback server did not start (needs python3 -m pip install aiosmtpd): \(why)")
        }
        return (process, port)
    }
}

/// The helper server could not start.
struct LoopbackPythonError: Error, CustomStringConvertible {
    let description: String
}
