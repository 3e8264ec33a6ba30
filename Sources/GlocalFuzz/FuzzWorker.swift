import Foundation
import GlocalCore

/// The worker: generates inputs from the seed, writes each over a scratch copy of the base workspace,
/// marks it current, validates it in-process and reports to the driver on standard output:
/// `B <iteration>` before the run and `E <iteration> <exit> <microseconds> [<kind>\t<signature>]` after it.
/// A crash or a hang leaves the scratch workspace and the marker in place for the driver to save.
struct FuzzWorker {
    var options: FuzzOptions
    var hook = TestHook(environment: ProcessInfo.processInfo.environment)

    /// Runs iterations from `options.start` until killed (or until `options.maxExecutions` is reached).
    func run() throws {
        MemoryLimit.apply(megabytes: options.memoryLimitMB)
        let corpus = try SeedCorpus(base: options.base, cases: options.cases)
        let scratch = WorkerState(folder: options.state)
        try scratch.resetWorkspace(from: options.base)
        var iteration = options.start
        while options.maxExecutions == 0 || iteration < options.start + options.maxExecutions {
            let input = FuzzInput.make(seed: options.seed, iteration: iteration, corpus: corpus)
            let original = try scratch.write(input, iteration: iteration)
            report("B \(iteration)")
            let began = DispatchTime.now().uptimeNanoseconds
            var outcome = hook.intercept(iteration: iteration) ?? ValidationProbe(root: scratch.workspace).run()
            if outcome.problem == nil, let cli = options.cli, options.cliEvery > 0, iteration % UInt64(options.cliEvery) == 0 {
                outcome.problem = CLICheck(executable: cli).problem(in: scratch.workspace)
            }
            let micros = (DispatchTime.now().uptimeNanoseconds - began) / 1_000
            var line = "E \(iteration) \(outcome.exitCode) \(micros)"
            if let problem = outcome.problem {
                try scratch.keepProblem(iteration: iteration)
                line += " \(problem.kind.rawValue)\t\(problem.signature.replacingOccurrences(of: "\n", with: " "))"
            }
            try scratch.restore(input.path, to: original)
            report(line)
            iteration += 1
        }
    }

    private func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The worker's files in the state folder: the scratch workspace, the "current input" marker, and copies
/// of workspaces whose run broke an invariant.
struct WorkerState {
    var folder: URL
    var workspace: URL { folder.appendingPathComponent("workspace") }
    var marker: URL { folder.appendingPathComponent("current") }

    func problemCopy(iteration: UInt64) -> URL { folder.appendingPathComponent("problem-\(iteration)") }

    func resetWorkspace(from base: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try? fm.removeItem(at: workspace)
        try fm.copyItem(at: base, to: workspace)
    }

    /// Writes the input over the workspace and marks it current; returns the file's previous bytes.
    func write(_ input: FuzzInput, iteration: UInt64) throws -> Data? {
        let target = workspace.appendingPathComponent(input.path)
        let original = try? Data(contentsOf: target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(input.bytes).write(to: target)
        let description = (["iteration \(iteration)", "file \(input.path)"] + input.mutations).joined(separator: "\n") + "\n"
        try Data(description.utf8).write(to: marker, options: .atomic)
        return original
    }

    /// Puts the base file back (or removes a file the base does not have).
    func restore(_ path: String, to original: Data?) throws {
        let target = workspace.appendingPathComponent(path)
        if let original { try original.write(to: target) } else { try FileManager.default.removeItem(at: target) }
    }

    func keepProblem(iteration: UInt64) throws {
        try? FileManager.default.removeItem(at: problemCopy(iteration: iteration))
        try FileManager.default.copyItem(at: workspace, to: problemCopy(iteration: iteration))
    }
}

/// Caps the worker's address space, so an input that makes glocal allocate gigabytes ends as a crash
/// (a finding) instead of exhausting a shared machine.
enum MemoryLimit {
    static func apply(megabytes: Int) {
        guard megabytes > 0 else { return }
        let bytes = rlim_t(megabytes) * 1_048_576
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        #if os(Linux)
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
            setrlimit(RLIMIT_AS, &limit)
        #endif
    }
}
