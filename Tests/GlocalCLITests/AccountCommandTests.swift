import Foundation
import GRDB
import Testing

/// `glocal account`: credentials sealed from stdin (never on the command line), holds and the
/// crisis switch, through the real binary.
struct AccountCommandTests {
    @Test func connectSealsCredentialsAndPausesAreListed() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let database = workspace.root.appendingPathComponent(".glocal/glocal.sqlite").path
        let token = "lum-fr-x~a-secret-token-value"
        let (connected, output, _) = try GlocalProcess.run(
            ["account", "connect", "lum-fr-x"], in: workspace.root, input: "{\"access_token\": \"\(token)\"}")
        #expect(connected == 0 && output.contains("Connected lum-fr-x"))
        // Sealed: the token is nowhere in the store file, and the key file is private.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        #expect(bytes.range(of: Data(token.utf8)) == nil)
        let keyFile = workspace.root.appendingPathComponent(".glocal/secret.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let (unknown, _, unknownError) = try GlocalProcess.run(
            ["account", "connect", "lum-fr-xx"], in: workspace.root, input: "{\"access_token\": \"t\"}")
        #expect(unknown == 2 && unknownError.contains("no account 'lum-fr-xx' in accounts.yaml; did you mean 'lum-fr-x'?"))
        let (malformed, _, malformedError) = try GlocalProcess.run(
            ["account", "connect", "lum-fr-x"], in: workspace.root, input: "token")
        #expect(malformed == 2 && malformedError.contains("not a credentials JSON object"))

        let (paused, pausedText, _) = try GlocalProcess.run(["account", "pause", "lum-fr-instagram"], in: workspace.root)
        #expect(paused == 0 && pausedText == "Paused lum-fr-instagram.\n")
        let (again, againText, _) = try GlocalProcess.run(["account", "pause", "lum-fr-instagram"], in: workspace.root)
        #expect(again == 0 && againText == "lum-fr-instagram was already paused: nothing changed.\n")
        let (running, runningText, _) = try GlocalProcess.run(["account", "resume", "lum-fr-x"], in: workspace.root)
        #expect(running == 0 && runningText == "lum-fr-x was not paused: nothing changed.\n")
        #expect(try GlocalProcess.run(["account", "pause-all", "--reason", "product recall"], in: workspace.root).0 == 0)
        let (_, listed, _) = try GlocalProcess.run(["account", "list"], in: workspace.root)
        #expect(listed.contains("every account is paused: product recall"))
        #expect(listed.contains("lum-fr-x\tconnected\n"))
        #expect(listed.contains("lum-fr-instagram\tnot connected, paused\n"))
        #expect(try GlocalProcess.run(["account", "resume-all"], in: workspace.root).0 == 0)
        let (_, after, _) = try GlocalProcess.run(["account", "list"], in: workspace.root)
        #expect(!after.contains("every account is paused"))
    }
}
