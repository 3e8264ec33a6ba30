import Foundation

/// The driver's closing lines: figures, then each distinct finding.
struct SummaryText {
    var summary: FuzzDriver.Summary
    var seed: UInt64

    var lines: [String] {
        let rate = String(format: "%.1f", Double(summary.executions) / max(summary.seconds, 0.001))
        let exits = summary.exitCounts.keys.sorted().map { "exit \($0): \(summary.exitCounts[$0]!)" }.joined(separator: ", ")
        let slowest = String(format: "%.2f", Double(summary.slowestMicros) / 1_000_000)
        var lines = [
            "fuzz: seed \(seed): \(summary.executions) executions in \(Int(summary.seconds)) s (\(rate)/s); \(exits);"
                + " slowest input \(slowest) s (iteration \(summary.slowestIteration)); \(summary.workersStarted) workers"
        ]
        let byKind = Finding.Kind.allCases.map { kind in
            let entries = summary.findings.filter { $0.finding.problem.kind == kind }
            return "\(kind.rawValue) \(entries.count) (\(entries.reduce(0) { $0 + $1.hits }) hits)"
        }
        lines.append("fuzz: findings: \(summary.findings.count) distinct — " + byKind.joined(separator: ", "))
        for entry in summary.findings {
            let problem = entry.finding.problem
            lines.append("fuzz:   \(problem.kind.rawValue) ×\(entry.hits): \(problem.signature) → \(entry.folder.path)")
        }
        return lines
    }
}

/// The first lines of a reproducer file, for the log (control characters made visible, long lines cut).
enum ReproducerPreview {
    static func lines(of file: URL, limit: Int = 40, width: Int = 160) -> [String] {
        guard let data = try? Data(contentsOf: file) else { return ["(no file)"] }
        // Split bytes, not Characters: "\r\n" is one Character and would keep CRLF files on one line.
        let all = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
        var shown = all.prefix(limit).map { bytes -> String in
            let line = String(decoding: bytes, as: UTF8.self)
            let visible = String(
                String.UnicodeScalarView(
                    line.unicodeScalars.map { scalar in
                        OutputChecks.isTerminalControl(scalar) || scalar == "\t" ? "\u{FFFD}" : scalar
                    }))
            return visible.count > width ? String(visible.prefix(width)) + "… (\(visible.count) characters)" : visible
        }
        if all.count > limit { shown.append("… (\(all.count) lines, \(data.count) bytes)") }
        return shown
    }
}
