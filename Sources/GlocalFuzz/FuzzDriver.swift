import Foundation

/// The supervisor: runs workers one after the other for the time budget, restarts a worker after the input
/// that killed it, kills it on a hang, and saves every distinct finding with its reproducer.
struct FuzzDriver {
    /// What a run did.
    struct Summary {
        var executions: UInt64 = 0
        var seconds: Double = 0
        var exitCounts: [Int32: UInt64] = [:]
        var slowestMicros: UInt64 = 0
        var slowestIteration: UInt64 = 0
        var findings: [FindingStore.Entry] = []
        var workersStarted = 0
    }

    var options: FuzzOptions
    var log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }

    func run() throws -> Summary {
        let fm = FileManager.default
        try fm.createDirectory(at: options.state, withIntermediateDirectories: true)
        try fm.createDirectory(at: options.findings, withIntermediateDirectories: true)
        _ = try SeedCorpus(base: options.base, cases: options.cases)  // fail early on a bad corpus path
        let store = FindingStore(folder: options.findings)
        let state = WorkerState(folder: options.state)
        var summary = Summary()
        let began = Date()
        let deadline = began.addingTimeInterval(options.durationSeconds)
        var nextReport = began.addingTimeInterval(30)
        var next = options.start
        log(
            "fuzz: seed \(options.seed), \(Int(options.durationSeconds)) s, timeout \(options.timeoutSeconds) s,"
                + " findings in \(options.findings.path)"
        )
        runLoop: while Date() < deadline && !reachedLimit(summary) {
            let worker = try WorkerProcess(
                arguments: options.workerArguments(start: next),
                errorLog: options.state.appendingPathComponent("worker-errors.log"), environment: workerEnvironment())
            summary.workersStarted += 1
            var current: UInt64? = nil
            var currentSince = Date()
            while true {
                let wait =
                    current == nil
                    ? min(1, deadline.timeIntervalSinceNow)
                    : min(options.timeoutSeconds - Date().timeIntervalSince(currentSince), deadline.timeIntervalSinceNow)
                if Date() >= nextReport {
                    log(progress(summary, since: began, store: store))
                    nextReport = nextReport.addingTimeInterval(30)
                }
                let event = worker.next(timeout: max(0, wait))
                switch event {
                case let .line(line) where line.hasPrefix("B "):
                    current = UInt64(line.dropFirst(2))
                    currentSince = Date()
                case let .line(line) where line.hasPrefix("E "):
                    let report = Report(line: line)
                    summary.executions += 1
                    summary.exitCounts[report.exitCode, default: 0] += 1
                    if report.micros > summary.slowestMicros {
                        summary.slowestMicros = report.micros
                        summary.slowestIteration = report.iteration
                    }
                    if let problem = report.problem {
                        let copy = state.problemCopy(iteration: report.iteration)
                        try save(problem, iteration: report.iteration, workspace: copy, log: "", store: store)
                        try? fm.removeItem(at: copy)
                    }
                    current = nil
                    next = report.iteration + 1
                    if reachedLimit(summary) {
                        worker.kill()
                        break runLoop
                    }
                case .line:
                    continue
                case .timeout:
                    if let iteration = current, Date().timeIntervalSince(currentSince) >= options.timeoutSeconds {
                        let crashing = worker.isCrashing
                        let end = worker.waitForEnd(seconds: crashing ? 120 : 0)
                        summary.executions += 1
                        let problem =
                            crashing
                            ? Finding.Problem(
                                kind: .crash, signature: CrashSignature.of(errors: worker.errors, signal: end.signal))
                            : Finding.Problem(kind: .hang, signature: hangSignature(state))
                        try save(problem, iteration: iteration, workspace: state.workspace, log: worker.errors, store: store)
                        next = iteration + 1
                        continue runLoop
                    }
                    if Date() >= deadline {
                        worker.kill()
                        _ = worker.waitForEnd(seconds: 5)
                        break runLoop
                    }
                case .ended:
                    let end = worker.waitForEnd(seconds: 120)
                    guard let iteration = current else {
                        if end.status == 0 && end.signal == nil { break runLoop }
                        throw FuzzFailure(message: "the worker failed before running an input:\n\(worker.errors)")
                    }
                    summary.executions += 1
                    let signature = CrashSignature.of(errors: worker.errors, signal: end.signal)
                    try save(
                        .init(kind: .crash, signature: signature), iteration: iteration, workspace: state.workspace,
                        log: worker.errors, store: store)
                    next = iteration + 1
                    continue runLoop
                }
            }
        }
        summary.seconds = Date().timeIntervalSince(began)
        summary.findings = store.entries
        for line in SummaryText(summary: summary, seed: options.seed).lines { log(line) }
        return summary
    }

    private func reachedLimit(_ summary: Summary) -> Bool {
        options.maxExecutions > 0 && summary.executions >= options.maxExecutions
    }

    private func save(_ problem: Finding.Problem, iteration: UInt64, workspace: URL, log errors: String, store: FindingStore)
        throws
    {
        let marker = (try? String(contentsOf: WorkerState(folder: options.state).marker, encoding: .utf8)) ?? ""
        let markerLines = marker.split(separator: "\n").map(String.init)
        let file = markerLines.first { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) } ?? ""
        let finding = Finding(
            problem: problem, iteration: iteration, mutatedFile: file,
            mutations: markerLines.dropFirst(2).map { "  " + $0 }.joined(separator: "\n"), log: errors)
        let minimizer = Minimizer(
            problem: problem, timeoutSeconds: options.timeoutSeconds, budgetSeconds: options.minimizeSeconds,
            memoryLimitMB: options.memoryLimitMB)
        guard let entry = try store.record(finding, workspace: workspace, seed: options.seed, minimize: minimizer.minimize) else {
            return
        }
        log("fuzz: FINDING \(problem.kind.rawValue): \(problem.signature)")
        log("fuzz:   reproducer: \(entry.folder.path)/workspace (\(file))")
        for line in ReproducerPreview.lines(of: entry.folder.appendingPathComponent("workspace").appendingPathComponent(file)) {
            log("fuzz:   | " + line)
        }
    }

    /// A hang's signature: the limit, the folder of the mutated file and the heavy mutation, if any.
    private func hangSignature(_ state: WorkerState) -> String {
        let marker = (try? String(contentsOf: state.marker, encoding: .utf8)) ?? ""
        let lines = marker.split(separator: "\n").map(String.init)
        let file = lines.first { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) } ?? "?"
        let folder = file.contains("/") ? String(file.prefix { $0 != "/" }) + "/" : file
        let heavy = FuzzInput.heavyKind(of: lines).map { " (\($0))" } ?? ""
        return "hang > \(Int(options.timeoutSeconds)) s in \(folder)\(heavy)"
    }

    private func workerEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil {
            environment["SWIFT_BACKTRACE"] =
                "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=64,top=48"
        }
        return environment
    }

    private func progress(_ summary: Summary, since began: Date, store: FindingStore) -> String {
        let seconds = Date().timeIntervalSince(began)
        let rate = String(format: "%.1f", Double(summary.executions) / max(seconds, 0.001))
        return "fuzz: \(Int(seconds)) s, \(summary.executions) executions (\(rate)/s), \(store.entries.count) findings"
    }
}

/// A worker's `E` line: `E <iteration> <exit> <microseconds> [<kind>\t<signature>]`.
struct Report {
    var iteration: UInt64 = 0
    var exitCode: Int32 = 0
    var micros: UInt64 = 0
    var problem: Finding.Problem?

    init(line: String) {
        let fields = line.split(separator: " ", maxSplits: 4)
        if fields.count > 1 { iteration = UInt64(fields[1]) ?? 0 }
        if fields.count > 2 { exitCode = Int32(fields[2]) ?? -1 }
        if fields.count > 3 { micros = UInt64(fields[3]) ?? 0 }
        if fields.count > 4 {
            let parts = fields[4].split(separator: "\t", maxSplits: 1)
            if let kind = Finding.Kind(rawValue: String(parts[0])) {
                problem = .init(kind: kind, signature: parts.count > 1 ? String(parts[1]) : "")
            }
        }
    }
}
