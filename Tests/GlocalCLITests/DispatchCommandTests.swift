import Foundation
import Testing

/// `glocal dispatch` refuses bad options with one clear line and exit 2, before touching anything.
struct DispatchCommandTests {
    @Test func badOptionsAreRefusedClearly() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (noStore, _, noStoreError) = try GlocalProcess.run(["dispatch", "--once"], in: workspace.root)
        #expect(noStore == 2 && noStoreError.contains("run `glocal apply` first"))
        // `account connect` creates the store.
        #expect(
            try GlocalProcess.run(["account", "connect", "lum-fr-x"], in: workspace.root, input: "{\"access_token\": \"t\"}").0
                == 0)
        let (badURL, _, badURLError) = try GlocalProcess.run(
            ["dispatch", "--once", "--sandbox", "localhost"], in: workspace.root)
        #expect(badURL == 2 && badURLError.contains("--sandbox 'localhost' is not a URL, e.g. http://127.0.0.1:8787"))
        let (noStart, _, noStartError) = try GlocalProcess.run(
            ["dispatch", "--until", "2026-12-15T00:00:00Z"], in: workspace.root)
        #expect(noStart == 2 && noStartError.contains("--until needs --now"))
        let (badDate, _, badDateError) = try GlocalProcess.run(
            ["dispatch", "--now", "2026-11-21T09:00:00Z", "--until", "mid-December"], in: workspace.root)
        #expect(badDate == 2 && badDateError.contains("'mid-December' is not an ISO 8601 date-time"))
        // A replay runs forward: an end before its start was accepted and replayed nothing.
        let (backwards, _, backwardsError) = try GlocalProcess.run(
            ["dispatch", "--now", "2026-12-15T00:00:00Z", "--until", "2026-12-01T00:00:00Z"], in: workspace.root)
        #expect(
            backwards == 2
                && backwardsError.contains(
                    "--until 2026-12-01T00:00:00Z is before --now 2026-12-15T00:00:00Z: a replay runs forward")
        )
    }
}
