import Foundation
import Testing

/// `glocal collect-metrics` through the real binary: a round with nothing to read says so in one line.
@Suite struct CollectMetricsCommandTests {
    @Test func aRoundWithNoPublishedPostSaysSoAndSucceeds() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = workspace.root.appendingPathComponent(".glocal/test.sqlite").path
        let now = ["--database", database, "--now", "2026-11-21T09:00:00Z"]
        let (applyStatus, _, _) = try GlocalProcess.run(["apply"] + now, in: workspace.root)
        #expect(applyStatus == 0)
        let (status, output, error) = try GlocalProcess.run(["collect-metrics"] + now, in: workspace.root)
        #expect(status == 0, "\(error)")
        #expect(output == "nothing due: no published posts to measure\n")
        #expect(error.isEmpty, "\(error)")
    }
}
