import Foundation
import GlocalCore
import GlocalStore
import Testing

/// Network previews and the live counter in a real headless Chromium against `glocal serve --demo`
/// (Tests/e2e/previews_editor.py): every network's preview on a desktop and a 390 px phone (screenshots in
/// test-artifacts/e2e/previews-*.png), then a manager types and sees the count and problems as X counts.
struct BrowserPreviewEditorTests {
    @Test(.timeLimit(.minutes(5))) func eachNetworksPreviewAndTheLiveCounterInChromium() async throws {
        try BrowserPrerequisites.require()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", ServerFixture.root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()
        let passwords = server.demoPasswords
        let admin = "admin@lumiere.example", manager = "claire.martin@lumiere.example"

        // Per network, the variant with the most to show: media first, then the longest text.
        let store = try SQLiteVariantStore(path: database)
        let variants = try store.variants(in: .pendingApproval)
        var previews: [String: String] = [:]
        for network in Network.allCases {
            let candidates = variants.filter { $0.network == network }
            let best = candidates.max { ($0.media.isEmpty ? 0 : 1, $0.text.count) < ($1.media.isEmpty ? 0 : 1, $1.text.count) }
            previews[network.rawValue] = try #require(best, "no pending \(network) variant in the demo").id
        }
        let edit = try #require(
            variants.first {
                $0.network == .x && $0.accountID.hasPrefix("lumiere-fr-") && !$0.accountID.hasPrefix("lumiere-fr-paris")
            })
        let artifacts = ServerFixture.root.appendingPathComponent("test-artifacts/e2e").path
        let config: [String: Any] = [
            "base": base, "artifacts": artifacts,
            "users": [
                "admin": [admin, try #require(passwords[admin])], "manager_a": [manager, try #require(passwords[manager])],
            ],
            "previews": previews, "edit": edit.id,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = ServerFixture.root.appendingPathComponent("Tests/e2e/previews_editor.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser flow failed:\n\(result.output)\nserver:\n\(server.printed)")

        // Typing checks the text and saves nothing; Approve with the edit unsaved approved nothing.
        #expect(try store.variant(edit.id)?.text == edit.text)
        #expect(try store.variant(edit.id)?.state == .pendingApproval)
        #expect(try store.auditEvents(variant: edit.id).allSatisfy { $0.action != .approve })
        for network in Network.allCases {
            for size in ["desktop", "phone"] {
                #expect(FileManager.default.fileExists(atPath: artifacts + "/previews-\(network.rawValue)-\(size).png"))
            }
        }
    }
}
