import Foundation

/// glocal-dispatch-bench: the dispatch benchmarks of issue #5, one JSON object per run on stdout.
///
///     glocal-dispatch-bench queue [JOBS] [BATCH]               claim + begin + finish on a file store
///     glocal-dispatch-bench loopback [POSTS] [CONCURRENCY]     dispatcher vs bare transport vs one reused session
///     glocal-dispatch-bench lateness [POSTS] [WINDOW] [CONC]   real clock, posts due over WINDOW seconds
///     glocal-dispatch-bench prepare-memory DIR [JOBS] [DUE]    a workspace with JOBS queued jobs
///     glocal-dispatch-bench postgres-queue URL [JOBS] [NODES] [BATCH]   claim + begin + finish, NODES nodes
///     glocal-dispatch-bench postgres-apply URL [VARIANTS]      apply into SQLite, then PostgreSQL
///     glocal-dispatch-bench postgres-lateness URL [POSTS] [MINUTES] [NODES] [CONC]   real clock, NODES nodes, sandbox
let arguments = Array(CommandLine.arguments.dropFirst())
func number(_ index: Int, _ fallback: Int) -> Int { arguments.count > index ? Int(arguments[index]) ?? fallback : fallback }

func emit(_ result: [String: Double]) {
    let data = try! JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

do {
    switch arguments.first {
    case "queue":
        emit(try QueueBench.run(jobs: number(1, 20_000), batch: number(2, 100)))
    case "loopback":
        emit(try await LoopbackBench.run(posts: number(1, 10_000), concurrency: number(2, 8)))
    case "lateness":
        emit(try await LatenessBench.run(posts: number(1, 10_000), window: Double(number(2, 600)), concurrency: number(3, 8)))
    case "postgres-queue" where arguments.count > 1:
        emit(try PostgresBench.queue(url: arguments[1], jobs: number(2, 20_000), nodes: number(3, 1), batch: number(4, 100)))
    case "postgres-apply" where arguments.count > 1:
        emit(try PostgresBench.apply(url: arguments[1], variants: number(2, 210_000)))
    case "postgres-lateness" where arguments.count > 1:
        let minutes = arguments.count > 3 ? Double(arguments[3]) ?? 10 : 10
        emit(
            try await PostgresLatenessBench.run(
                url: arguments[1], posts: number(2, 10_000), window: minutes * 60, nodes: number(4, 3),
                concurrency: number(5, 8)))
    case "prepare-memory" where arguments.count > 1:
        try await MemoryFixture.prepare(
            directory: URL(fileURLWithPath: arguments[1]), jobs: number(2, 100_000), due: number(3, 1_000))
        emit(["prepared": 1])
    default:
        FileHandle.standardError.write(Data("usage: glocal-dispatch-bench queue|loopback|lateness|prepare-memory …\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("glocal-dispatch-bench: \(error)\n".utf8))
    exit(1)
}
