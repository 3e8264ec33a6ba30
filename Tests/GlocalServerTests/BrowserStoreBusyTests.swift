import Foundation
import GlocalCore
import GlocalStore
import Testing

/// A busy store in a real headless Chromium against the real `glocal serve --demo`: while another
/// connection holds the write lock, Approve shows the "store is being updated" page (503 with
/// `Retry-After`), the server logs it once, and the same Approve works once the lock is gone.
struct BrowserStoreBusyTests {
    @Test(.timeLimit(.minutes(5))) func approvingWhileTheStoreIsLockedShowsTheBusyPageInChromium() async throws {
        try BrowserPrerequisites.require()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-e2e-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let root = BrowserEndToEndTests.root
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()

        let manager = "claire.martin@lumiere.example"
        // The demo prints each user's password once: `manager claire.martin@… password: …`.
        let lines: [[Substring]] = server.printed.split(separator: "\n").map { $0.split(separator: " ") }
        let words = try #require(
            lines.first { (words: [Substring]) -> Bool in
                words.count >= 4 && words[1] == manager && words[2] == "password:"
            })
        let password = String(words[3])
        let store = try SQLiteVariantStore(path: database)
        let variant = try #require(
            try store.variants(in: .pendingApproval).first {
                $0.accountID.hasPrefix("lumiere-fr-") && !$0.accountID.hasPrefix("lumiere-fr-paris") && $0.network != .instagram
            })
        let config: [String: Any] = [
            "base": base, "artifacts": root.appendingPathComponent("test-artifacts/e2e").path, "database": database,
            "user": [manager, password], "variant": variant.id,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = root.appendingPathComponent("Tests/e2e/store_busy.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser check failed:\n\(result.output)\nserver:\n\(server.printed)")

        #expect(try store.variant(variant.id)?.state == .approved)
        #expect(try store.auditEvents(variant: variant.id).filter { $0.action == .approve }.map(\.actor) == [manager])
        // One warning line on the server's log: the route and the wait, nothing of the form.
        let busyLines = server.printed.split(separator: "\n").filter { $0.contains("store busy:") }
        #expect(busyLines.count == 1, "\(server.printed)")
        let route = "POST /variants/{campaign}/{post}/{account}/approve"
        #expect(busyLines.first?.contains("\(route) answered 503 after waiting 5.") == true)
        #expect(busyLines.first?.contains("csrf") == false)
    }
}
