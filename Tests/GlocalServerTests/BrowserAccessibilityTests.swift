import Foundation
import GlocalCore
import GlocalStore
import Testing

/// Every page in a real headless Chromium against `glocal serve --demo` (Tests/e2e/a11y_pages.py), checked
/// by axe-core with no serious or critical violation, as the admin, a manager and a viewer: login (and a
/// failed one), the queue (and filtered), campaigns, a campaign, a variant of each network and its refused
/// edit, the move page, calendar month and week, accounts (a paused one, the global pause), audit log,
/// report (period and tables), notifications, a 404, a carousel preview; then the manager's pages on a 320 px
/// phone (WCAG reflow: nothing scrolls sideways but the regions made to, each focusable); screenshots in
/// test-artifacts/e2e/a11y-*.png. Then the queue with the keyboard only: the skip link, a visible focus ring, a box
/// ticked and approved, and another rejected by Enter in the reason field.
struct BrowserAccessibilityTests {
    @Test(.timeLimit(.minutes(10))) func everyPagePassesAxeAndTheQueueWorksWithTheKeyboard() async throws {
        try BrowserPrerequisites.require(axe: true)

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
        let (admin, manager, viewer) = ("admin@lumiere.example", "claire.martin@lumiere.example", "viewer@lumiere.example")

        let store = try SQLiteVariantStore(path: database)
        let pending = try store.variants(in: .pendingApproval).filter { $0.accountID.hasPrefix("lumiere-fr-") }
        var perNetwork: [String: String] = [:]
        for variant in pending.sorted(by: { $0.id < $1.id }) where perNetwork[variant.network.rawValue] == nil {
            perNetwork[variant.network.rawValue] = variant.id
        }
        #expect(perNetwork.count >= 5, "the demo should give the manager posts on most networks: \(perNetwork.keys)")
        let edit = try #require(perNetwork["x"])
        let move = try #require(pending.first { $0.scheduledAt != nil && $0.network == .bluesky })
        // A preview that scrolls sideways: a carousel of several images.
        let carousel = try #require(
            pending.sorted { $0.id < $1.id }.first { [.instagram, .threads].contains($0.network) && $0.media.count > 1 })

        let artifacts = ServerFixture.root.appendingPathComponent("test-artifacts/e2e")
        let config: [String: Any] = [
            "base": base, "artifacts": artifacts.path,
            "users": [
                "admin": [admin, try #require(passwords[admin])], "manager": [manager, try #require(passwords[manager])],
                "viewer": [viewer, try #require(passwords[viewer])],
            ],
            "campaign": move.campaignID, "variants": perNetwork, "edit": edit, "move": move.id, "carousel": carousel.id,
            "history": try #require(perNetwork["mastodon"] ?? perNetwork["bluesky"]),
            "pause": "lumiere-fr-mastodon", "month": "2026-12-01",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = ServerFixture.root.appendingPathComponent("Tests/e2e/a11y_pages.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the accessibility pass failed:\n\(result.output)\nserver:\n\(server.printed)")

        // The keyboard approved exactly the post it ticked, as the manager.
        let ticked = try #require(
            result.output.split(separator: "\n").first { $0.hasPrefix("approving by keyboard: ") }?
                .dropFirst("approving by keyboard: ".count))
        let approvals = try store.auditEvents(variant: String(ticked)).filter { $0.action == .approve }
        #expect(approvals.map(\.actor) == [manager])
        // Enter in the bulk reason rejected the box it ticked, with that reason, and approved nothing.
        let rejectedByEnter = try #require(
            result.output.split(separator: "\n").first { $0.hasPrefix("rejecting by keyboard: ") }?
                .dropFirst("rejecting by keyboard: ".count))
        let rejectEvents = try store.auditEvents(variant: String(rejectedByEnter))
        #expect(rejectEvents.filter { $0.action == .reject }.map(\.reason) == ["Wrong visual for this city"])
        #expect(!rejectEvents.contains { $0.action == .approve })
        // The refused edit stored nothing.
        #expect(try store.variant(edit)?.text == pending.first { $0.id == edit }?.text)
        // The admin's pause and the global pause (set, then lifted) are in the account audit log.
        let accountEvents = try store.accountAuditEvents()
        #expect(accountEvents.map(\.action) == [.pause, .pauseAll, .resumeAll])
        #expect(accountEvents.allSatisfy { $0.actor == admin })
        let shots = try FileManager.default.contentsOfDirectory(atPath: artifacts.path).filter { $0.hasPrefix("a11y-") }
        #expect(shots.count >= 50, "screenshots: \(shots.count)")
    }
}
