import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore

#if canImport(Glibc)
    import Glibc
#endif

/// `postgres-apply`: one plan of new variants applied into a SQLite file and into PostgreSQL, in the same run.
/// Besides the wall times it reports CPU seconds (this process for each store; the PostgreSQL backend that ran
/// the apply, read from /proc when the server runs on this machine), which a busy shared machine disturbs less.
extension PostgresBench {
    /// Applies a plan of `variants` new variants into a SQLite file and into PostgreSQL.
    static func apply(url: String, variants: Int) throws -> [String: Double] {
        let slot = Date().addingTimeInterval(86_400)
        let plan = BenchStore.plan(variants, accounts: BenchStore.accounts(300)) { _ in slot }
        let (sqlite, directory) = try BenchStore.newStore(named: "apply.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        var clock = Stopwatch()
        try sqlite.apply(plan, actor: "bench", now: Date())
        let sqliteTime = clock.lap()
        let location = try PostgresLocation(url: url).inSchema("apply_" + UUID().uuidString.prefix(8).lowercased())
        let postgres = try PostgresStore(location: location, poolSize: 1)
        let backend = try postgres.pool.transaction { try $0.value("SELECT pg_backend_pid()", as: Int32.self) }
        let serverStart = backend.flatMap { Self.cpuSeconds(pid: Int($0)) }
        _ = clock.lap()
        try postgres.apply(plan, actor: "bench", now: Date())
        let postgresTime = clock.lap()
        var result = [
            "variants": Double(variants), "sqlite_seconds": sqliteTime.wall, "postgres_seconds": postgresTime.wall,
            "postgres_over_sqlite": postgresTime.wall / sqliteTime.wall, "sqlite_cpu_seconds": sqliteTime.cpu,
            "postgres_client_cpu_seconds": postgresTime.cpu,
        ]
        if let serverStart, let serverEnd = backend.flatMap({ Self.cpuSeconds(pid: Int($0)) }) {
            result["postgres_server_cpu_seconds"] = serverEnd - serverStart
        }
        return result
    }

    /// Wall and CPU time (this process, every thread) since the last lap.
    struct Stopwatch {
        private var wall = DispatchTime.now().uptimeNanoseconds
        private var cpu = Stopwatch.processCPUSeconds()

        /// The time since the last lap (or the start), and a new lap begun.
        mutating func lap() -> (wall: Double, cpu: Double) {
            let nowWall = DispatchTime.now().uptimeNanoseconds
            let nowCPU = Self.processCPUSeconds()
            defer { (wall, cpu) = (nowWall, nowCPU) }
            return (Double(nowWall - wall) / 1e9, nowCPU - cpu)
        }

        static func processCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
    }

    /// The CPU seconds process `pid` of this machine has used (user and system), nil when /proc does not say
    /// (the server runs elsewhere).
    static func cpuSeconds(pid: Int) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (man 5 proc).
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
