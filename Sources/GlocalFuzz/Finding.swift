import Foundation

/// Something the fuzzer reports: a crash, a hang, a run that ended without the diagnostics it owed,
/// or a malformed output.
struct Finding {
    /// The class of a finding.
    enum Kind: String, CaseIterable {
        /// The worker died by a signal (a trap, a stack overflow, running out of memory).
        case crash
        /// One input ran longer than the time limit.
        case hang
        /// The run ended like exit 2 (an internal error) where a diagnostic belongs.
        case exit2
        /// A rendered output (text, json, github, sarif) is malformed.
        case output
    }

    /// A finding's class and its signature (the crash message and top frame, or the broken rule).
    struct Problem: Equatable {
        var kind: Kind
        var signature: String
    }

    var problem: Problem
    /// The iteration whose input caused it.
    var iteration: UInt64
    /// The workspace-relative path of the mutated file.
    var mutatedFile: String
    /// How the input was made.
    var mutations: String
    /// The worker's standard error (crash report), if any.
    var log: String
}
