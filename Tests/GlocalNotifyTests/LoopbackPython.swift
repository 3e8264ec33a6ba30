import Foundation

/// Starts a Python script that prints the port it listens on as its first line.
enum LoopbackPython {
    /// Kills the script (SIGKILL: the test runner may leave SIGTERM ignored in its children) and reaps it.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The running process and its port; throws (with the script's error output) when it does not start.
    static func start(script: String, arguments: [String]) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        // availableData blocks until the script writes or exits (EOF: empty data), so this loop ends.
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.waitUntilExit()
            let why = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
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
