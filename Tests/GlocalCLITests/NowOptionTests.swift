import Foundation
import Testing

/// `--now` takes a full ISO 8601 date-time with its zone, on every command that reads it: a bare date is refused
/// (exit 2) with an example, not taken as midnight UTC.
@Suite struct NowOptionTests {
    @Test(arguments: [["plan"], ["validate"], ["report"], ["explain", "hydra-launch/launch/lumiere-fr-x"]])
    func aBareDateIsRefusedWithAnExample(command: [String]) throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database =
            command == ["validate"] ? [] : ["--database", workspace.root.appendingPathComponent(".glocal/test.sqlite").path]
        let (status, output, error) = try GlocalProcess.run(command + ["--now", "2026-11-21"] + database, in: workspace.root)
        #expect(status == 2, "\(command): \(output)\(error)")
        #expect(
            error.contains(
                "--now '2026-11-21' is a date without a time: give the instant in full, with its zone, e.g. 2026-11-21T09:00:00Z"),
            "\(command): \(error)")
    }
}
