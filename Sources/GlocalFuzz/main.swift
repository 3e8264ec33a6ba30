import Foundation

/// `glocal-fuzz`: a mutation fuzzer for the workspace loader, the validator and the diagnostic renderers.
/// See docs/ci.md, "Fuzzing".
var arguments = Array(CommandLine.arguments.dropFirst())
let mode = ["run", "worker", "check", "input"].contains(arguments.first ?? "") ? arguments.removeFirst() : "run"
do {
    var positional: [String] = []
    let options = try FuzzOptions(arguments: arguments, positional: &positional)
    switch mode {
    case "worker":
        try FuzzWorker(options: options).run()
        exit(0)
    case "check":
        guard let path = positional.first else { throw FuzzFailure(message: FuzzOptions.usage) }
        MemoryLimit.apply(megabytes: options.memoryLimitMB)
        let outcome = ValidationProbe(root: URL(fileURLWithPath: path)).run()
        print("exit \(outcome.exitCode), \(outcome.diagnostics) diagnostics")
        if let problem = outcome.problem {
            print("\(problem.kind.rawValue)\t\(problem.signature)")
            exit(3)
        }
        exit(0)
    case "input":
        guard let out = positional.first else { throw FuzzFailure(message: FuzzOptions.usage) }
        let corpus = try SeedCorpus(base: options.base, cases: options.cases)
        let input = FuzzInput.make(seed: options.seed, iteration: options.start, corpus: corpus)
        let state = WorkerState(folder: URL(fileURLWithPath: out))
        try state.resetWorkspace(from: options.base)
        _ = try state.write(input, iteration: options.start)
        print(state.workspace.path)
        exit(0)
    default:
        let summary = try FuzzDriver(options: options).run()
        exit(summary.findings.isEmpty ? 0 : 1)
    }
} catch {
    FileHandle.standardError.write(Data("glocal-fuzz: \(error)\n".utf8))
    exit(2)
}
