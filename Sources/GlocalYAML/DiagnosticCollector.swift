import GlocalCore

/// Gathers the diagnostics found while decoding one file.
///
/// At most ``listedPerRule`` diagnostics of one rule are kept per file, so a file of 20 000 unknown keys gives a
/// readable report, not 5 MB of it: the last one kept says how many more there were, as duplicate keys do.
final class DiagnosticCollector {
    /// How many diagnostics of one rule a file lists.
    static let listedPerRule = 1000

    private var kept: [Diagnostic] = []
    /// Per rule, how many were found, and where the last one kept stands in `kept`.
    private var counts: [String: (found: Int, lastKept: Int)] = [:]

    /// The diagnostics kept, the last of each rule over the limit noting how many more it had.
    var diagnostics: [Diagnostic] {
        var result = kept
        for (rule, count) in counts where count.found > Self.listedPerRule {
            result[count.lastKept].notes.append(
                "and \(count.found - Self.listedPerRule) more \(rule) diagnostics in this file, not listed")
        }
        return result
    }

    func add(_ diagnostic: Diagnostic) {
        var count = counts[diagnostic.rule] ?? (0, 0)
        count.found += 1
        if count.found <= Self.listedPerRule {
            count.lastKept = kept.count
            kept.append(diagnostic)
        }
        counts[diagnostic.rule] = count
    }

    func error(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        add(Diagnostic(.error, rule, message, at: location, notes: notes))
    }

    func warning(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        add(Diagnostic(.warning, rule, message, at: location, notes: notes))
    }
}
