import Foundation
import GlocalCore
import GlocalStore
import Testing

/// The manager's queue in a real headless Chromium against `glocal serve --demo` (Tests/e2e/queue_flow.py): paging,
/// cards, filters and search, bulk reject and approve, axe-core, and a 390 px phone (screenshots in
/// test-artifacts/e2e/queue-desktop.png and queue-phone.png).
struct BrowserQueueTests {
    @Test(.timeLimit(.minutes(5))) func theQueueFiltersPagesAndDecidesInBulkInChromium() async throws {
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
        let admin = "admin@lumiere.example", manager = "claire.martin@lumiere.example"

        // Manager A's queue as the page orders it; the first three selectable ones are decided.
        let store = try SQLiteVariantStore(path: database)
        let scope = ApprovalScope(email: manager, role: .manager, teams: ServerFixture.workspace.settings.teams)
        let now = try Date("2026-11-21T09:00:00Z", strategy: .iso8601)
        let queue = try store.variants(in: .pendingApproval, visible: scope.canSee(account:)).prefix(QueueFilter.pageSize)
            .filter { variant in
                let policy = ApprovalPolicy(campaignID: variant.campaignID, in: ServerFixture.workspace)
                return !policy.status(of: variant, now: now).isMissed
            }
        try #require(queue.count >= 3, "manager A's first page has fewer than 3 variants to decide")
        let reject = [queue[queue.startIndex].id, queue[queue.startIndex + 1].id]
        let approve = queue[queue.startIndex + 2].id
        let artifacts = ServerFixture.root.appendingPathComponent("test-artifacts/e2e").path
        let config: [String: Any] = [
            "base": base, "artifacts": artifacts,
            "users": [
                "admin": [admin, try #require(passwords[admin])], "manager_a": [manager, try #require(passwords[manager])],
            ],
            "reject": reject, "approve": approve, "search": "hydra",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = ServerFixture.root.appendingPathComponent("Tests/e2e/queue_flow.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser flow failed:\n\(result.output)\nserver:\n\(server.printed)")

        // The browser's bulk decisions are in the store, with the reason and the manager.
        for id in reject {
            #expect(try store.variant(id)?.state == .rejected)
            let event = try store.auditEvents(variant: id).last
            #expect(event?.reason == "Our stores are closed that week" && event?.actor == manager)
        }
        #expect(try store.variant(approve)?.state == .approved)
        for name in ["queue-desktop.png", "queue-phone.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts + "/" + name), "\(name) missing")
        }
    }
}
