import Foundation

/// Shrinks a finding's input file by deleting runs of lines while the same finding still comes out,
/// running `glocal-fuzz check` in a child process each time (a crash must not take the driver down).
struct Minimizer {
    var problem: Finding.Problem
    var timeoutSeconds: Double
    var budgetSeconds: Double
    var memoryLimitMB: Int

    /// Minimises `file` in `workspace` in place; returns a short description, or `nil` when it did not try.
    func minimize(workspace: URL, file: String) -> String? {
        guard budgetSeconds > 0, problem.kind != .hang else { return nil }
        let target = workspace.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: target), data.count <= 4_000_000 else { return nil }
        let deadline = Date().addingTimeInterval(budgetSeconds)
        var lines = Lines(Array(data))
        let before = lines.items.count
        var chunk = max(1, lines.items.count / 2)
        var tries = 0
        while chunk >= 1 && Date() < deadline {
            var start = 0
            while start < lines.items.count && Date() < deadline {
                var candidate = lines
                candidate.items.removeSubrange(start..<min(start + chunk, candidate.items.count))
                try? Data(candidate.joined()).write(to: target)
                tries += 1
                if reproduces(in: workspace) { lines = candidate } else { start += chunk }
            }
            chunk /= 2
        }
        try? Data(lines.joined()).write(to: target)
        return "minimised from \(before) to \(lines.items.count) lines in \(tries) runs"
    }

    /// Whether the workspace still gives the same finding.
    func reproduces(in workspace: URL) -> Bool {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["GLOCAL_FUZZ_TEST_HOOK"] = nil
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-fuzz-min-\(getpid()).log")
        guard
            let worker = try? WorkerProcess(
                arguments: ["check", workspace.path, "--memory-mb", "\(memoryLimitMB)"], errorLog: log, environment: environment)
        else { return false }
        defer { try? FileManager.default.removeItem(at: log) }
        var output = ""
        while case let .line(line) = worker.next(timeout: timeoutSeconds) { output += line + "\n" }
        let end = worker.waitForEnd(seconds: 0.5)
        switch problem.kind {
        case .crash:
            guard end.signal != nil else { return false }
            let fatal = problem.signature.range(of: "Fatal error").map { _ in
                CrashSignature.of(errors: worker.errors, signal: nil)
            }
            return fatal.map { problem.signature.hasPrefix($0) } ?? true
        case .exit2, .output:
            return output.contains("\(problem.kind.rawValue)\t\(problem.signature)")
        case .hang:
            return false
        }
    }
}
