import Foundation

/// Runs the real `glocal validate` on a workspace now and then: an exit status other than 0 or 1 (exit 2,
/// "nothing was validated", or a signal) where the in-process run gave diagnostics is a finding.
struct CLICheck {
    var executable: URL

    func problem(in workspace: URL) -> Finding.Problem? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["validate", "--format", "json"]
        process.currentDirectoryURL = workspace
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch { return .init(kind: .exit2, signature: "cannot run \(executable.path): \(error)") }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message =
            String(decoding: data.prefix(400), as: UTF8.self)
            .replacingOccurrences(of: workspace.path, with: "<workspace>")
            .split(separator: "\n").first.map(String.init) ?? ""
        if process.terminationReason == .uncaughtSignal {
            return .init(kind: .crash, signature: "glocal validate died by signal \(process.terminationStatus): \(message)")
        }
        guard process.terminationStatus > 1 else { return nil }
        return .init(kind: .exit2, signature: "glocal validate exit \(process.terminationStatus): \(message)")
    }
}
