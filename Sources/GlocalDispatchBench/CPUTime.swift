import Foundation

/// CPU time (user + system) spent so far: by this process (the nodes, client side) and, when
/// `GLOCAL_BENCH_POSTGRES_DIR` names the directory of the server (scripts/postgres-test-server), by the server's
/// processes (the postmaster, its live children and those it reaped), read from /proc. Where a figure's time goes.
enum CPUTime {
    /// This process's CPU seconds.
    static func process() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The server's CPU seconds, if its directory is given and readable.
    static func server() -> Double? {
        guard let directory = ProcessInfo.processInfo.environment["GLOCAL_BENCH_POSTGRES_DIR"],
            let pidFile = try? String(contentsOfFile: directory + "/data/postmaster.pid", encoding: .utf8),
            let postmaster = pidFile.split(separator: "\n").first.flatMap({ Int($0) }),
            let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc")
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0
        for entry in entries {
            guard let pid = Int(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After the command's closing parenthesis: state, ppid, … then utime (the 12th), stime, cutime, cstime.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 14, let parent = Int(fields[1]) else { continue }
            let times = fields[11...14].compactMap { Int($0) }
            guard times.count == 4 else { continue }
            if pid == postmaster {
                total += times.reduce(0, +)
            } else if parent == postmaster {
                total += times[0] + times[1]
            }
        }
        return Double(total) / ticks
    }

    private static func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
}
