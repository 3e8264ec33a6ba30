import Foundation
import Testing

/// `glocal account` writes pauses, resumes, the crisis pause and (re)connections to the audit log,
/// and `glocal audit` prints them with who, when and why.
struct AccountAuditCommandTests {
    @Test func pausesAndConnectionsAppearInGlocalAudit() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let root = workspace.root
        let (connected, first, _) = try GlocalProcess.run(
            ["account", "connect", "lum-fr-x"], in: root, input: "{\"access_token\": \"one\"}")
        #expect(connected == 0 && first.hasPrefix("Connected lum-fr-x;"))
        let (_, again, _) = try GlocalProcess.run(
            ["account", "connect", "lum-fr-x"], in: root, input: "{\"access_token\": \"two\"}")
        #expect(again.hasPrefix("Reconnected lum-fr-x;"))
        #expect(
            try GlocalProcess.run(["account", "pause", "lum-fr-instagram", "--now", "2026-11-21T09:00:00Z"], in: root).0 == 0)
        #expect(
            try GlocalProcess.run(
                ["account", "pause-all", "--reason", "product recall", "--now", "2026-11-21T10:00:00Z"], in: root
            ).0 == 0)
        #expect(try GlocalProcess.run(["account", "resume-all", "--now", "2026-11-21T11:00:00Z"], in: root).0 == 0)

        let (status, audit, _) = try GlocalProcess.run(["audit"], in: root)
        #expect(status == 0)
        let lines = audit.split(separator: "\n").map(String.init)
        let pause = try #require(lines.first { $0.contains("  pause  lum-fr-instagram") })
        #expect(pause.hasPrefix("2026-11-21T09:00:00Z  cli:"))
        let crisis = try #require(lines.first { $0.contains("  pause_all  ") })
        #expect(crisis.hasPrefix("2026-11-21T10:00:00Z  cli:") && crisis.hasSuffix("every account  reason: product recall"))
        #expect(lines.contains { $0.hasPrefix("2026-11-21T11:00:00Z  cli:") && $0.hasSuffix("  resume_all  every account") })
        #expect(lines.contains { $0.hasSuffix("  connect  lum-fr-x") })
        #expect(lines.contains { $0.hasSuffix("  reconnect  lum-fr-x") })

        let (_, instagram, _) = try GlocalProcess.run(["audit", "--account", "lum-fr-instagram"], in: root)
        let actions = instagram.split(separator: "\n").map { $0.components(separatedBy: "  ")[2] }
        #expect(actions == ["pause", "pause_all", "resume_all"])
        let (_, json, _) = try GlocalProcess.run(["audit", "--account", "lum-fr-instagram", "--format", "json"], in: root)
        #expect(json.contains("\"kind\":\"account\"") && json.contains("\"reason\":\"product recall\""))
        #expect(json.contains("\"action\":\"pause\",\"account\":\"lum-fr-instagram\""))
        let (both, _, usage) = try GlocalProcess.run(["audit", "--account", "lum-fr-x", "--variant", "a/b/c"], in: root)
        #expect(both == 2 && usage.contains("give --variant or --account, not both"))
    }

    @Test func aCrisisPauseNeedsAReasonAndNothingIsWrittenWithoutOne() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (status, _, error) = try GlocalProcess.run(["account", "pause-all", "--reason", "  "], in: workspace.root)
        #expect(status != 0 && error.contains("--reason is empty"))
        // At most 500 characters, as on the web page (docs/approvals.md): every page shows it.
        let long = String(repeating: "x", count: 501)
        let (tooLong, _, longError) = try GlocalProcess.run(["account", "pause-all", "--reason", long], in: workspace.root)
        #expect(tooLong == 2 && longError.contains("--reason is 501 characters, at most 500"), "\(longError)")
        let (_, listed, _) = try GlocalProcess.run(["account", "list"], in: workspace.root)
        #expect(!listed.contains("every account is paused"))
        let (fits, _, _) = try GlocalProcess.run(
            ["account", "pause-all", "--reason", String(repeating: "x", count: 500)], in: workspace.root)
        #expect(fits == 0)
    }
}
