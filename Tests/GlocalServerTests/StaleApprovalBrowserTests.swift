import Foundation
import GlocalCore
import GlocalStore
import Testing

/// A stale Approve in a real headless Chromium against `glocal serve --demo` (Tests/e2e/stale_approval.py):
/// manager A loads a variant, the admin edits it, A's Approve on the old page approves nothing and shows
/// what changed; A's fresh Approve approves the admin's text.
struct StaleApprovalBrowserTests {
    @Test(.timeLimit(.minutes(5))) func anApproveOnAPageLoadedBeforeAnEditApprovesNothing() async throws {
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

        let store = try SQLiteVariantStore(path: database)
        let variant = try #require(
            try store.variants(in: .pendingApproval).first { $0.accountID.hasPrefix("lumiere-fr-") && $0.network == .facebook })
        let newText = "Hydra arrive à Paris : une peau désaltérée tout l'hiver."
        let config: [String: Any] = [
            "base": base, "artifacts": ServerFixture.root.appendingPathComponent("test-artifacts/e2e").path,
            "users": [
                "admin": [admin, try #require(passwords[admin])], "manager_a": [manager, try #require(passwords[manager])],
            ],
            "variant": variant.id, "shown_text": variant.text, "new_text": newText,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = ServerFixture.root.appendingPathComponent("Tests/e2e/stale_approval.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser flow failed:\n\(result.output)\nserver:\n\(server.printed)")

        // One approval, by the manager, of the admin's text: never of the text on the stale page.
        let stored = try #require(try store.variant(variant.id))
        #expect(stored.state == .approved && stored.text == newText)
        let events = try store.auditEvents(variant: variant.id).filter { $0.action != .create }
        #expect(events.map(\.action) == [.edit, .approve] && events.map(\.actor) == [admin, manager])
    }
}
