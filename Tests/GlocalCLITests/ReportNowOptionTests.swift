import Foundation
import Testing

/// `glocal report --now`: read like every command's `--now`, an invalid instant refused (exit 2), not ignored.
@Suite struct ReportNowOptionTests {
    @Test func anInvalidNowIsRefusedAndAValidOneIsTaken() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = ["--database", workspace.root.appendingPathComponent(".glocal/test.sqlite").path]
        let (applyStatus, _, _) = try GlocalProcess.run(
            ["apply", "--now", "2026-11-21T09:00:00Z"] + database, in: workspace.root)
        #expect(applyStatus == 0)
        let (status, output, error) = try GlocalProcess.run(["report", "--now", "garbage"] + database, in: workspace.root)
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(error.contains("--now 'garbage' is not an ISO 8601 date"), "\(error)")
        let (valid, report, validError) = try GlocalProcess.run(
            ["report", "--now", "2026-11-21T09:00:00Z", "--format", "json"] + database, in: workspace.root)
        #expect(valid == 0, "\(validError)")
        #expect(report.hasPrefix("{"))
    }
}
