import Foundation
import GlocalTestSupport
import Testing

/// `glocal-simulate`, the learned-timing simulation behind bench/simulate.py and bench/sweep.py, run as the
/// scripts run it: a small fleet, a few weeks, JSON figures.
@Suite struct GlocalSimulateCommandTests {
    static func executable() throws -> URL {
        try GlocalProcess.executable().deletingLastPathComponent().appendingPathComponent("glocal-simulate")
    }

    /// The figures of one run (a 14-account fleet over 6 weeks) with `extra` options, or its exit status and stderr.
    static func run(_ extra: [String]) throws -> (status: Int32, figures: [String: Double], error: String) {
        let run = try ChildProcess.run(
            executable: try executable().path,
            arguments: ["--json", "--no-bound", "--seed", "3", "--accounts", "14", "--weeks", "6"] + extra)
        let figures = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Double]) ?? [:]
        return (run.status, figures, run.error)
    }

    @Test func aReplicateRedrawsOnlyTheLearner() throws {
        let plain = try Self.run([]), zero = try Self.run(["--replicate", "0"]), one = try Self.run(["--replicate", "1"])
        #expect(plain.status == 0 && !plain.figures.isEmpty)
        #expect(zero.figures == plain.figures)  // replicate 0: the draws of every earlier run
        // The same world and luck: the table, random and oracle posts do not move; the learner's choices do.
        for key in ["table", "random", "oracle"] { #expect(one.figures[key] == plain.figures[key], "\(key)") }
        #expect(one.figures["learned"] != plain.figures["learned"])
    }

    @Test func withoutAHoldoutTheCaptureOnTheLearnersOwnPostsIsTheCapture() throws {
        let none = try Self.run(["--holdout-share", "0"])
        let captured = try #require(none.figures["captured"]), own = try #require(none.figures["captured_learned_posts"])
        #expect(abs(captured - own) < 1e-9)
        // With the usual holdout, the two differ: the holdout's posts sit at the table's slot.
        let usual = try Self.run([])
        #expect(usual.figures["captured"] != usual.figures["captured_learned_posts"])
        #expect(usual.figures.keys.contains("captured_learned_posts_instagram"))
    }

    @Test func aReplicateThatIsNotANumberIsRefused() throws {
        let result = try Self.run(["--replicate", "two"])
        #expect(result.status == 64)
        #expect(result.error.contains("--replicate takes a whole number ≥ 0, not 'two'"))
    }
}
