import Foundation
import GlocalCore
import GlocalStore
import GlocalTestSupport
import Testing

/// The approval flow in a real headless Chromium against the real `glocal serve --demo`:
/// two local managers and an admin sign in, edit (an error shown, then fixed), approve, reject,
/// bulk approve, pause and resume an account, and are refused each other's variants. Screenshots go to test-artifacts/.
struct BrowserEndToEndTests {
    static let root = ServerFixture.root
    static let chromium = "/usr/bin/chromium"
    static let install = "install them with scripts/test (or: apt-get install -y chromium && pip install playwright)"

    @Test(.timeLimit(.minutes(10))) func twoManagersAndAnAdminApproveInChromium() async throws {
        try BrowserPrerequisites.require()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", Self.root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()

        // The demo prints each user's password once; the managers come from two teams.
        let users = Dictionary(
            server.printed.split(separator: "\n").compactMap { line -> (String, (String, String))? in
                let words = line.split(separator: " ")
                guard words.count >= 4, words[2] == "password:" else { return nil }
                return (String(words[1]), (String(words[0]), String(words[3])))
            }, uniquingKeysWith: { a, _ in a })
        let admin = try #require(users["admin@lumiere.example"])
        let managerA = try #require(users["claire.martin@lumiere.example"])
        let managerB = try #require(users["olivia.hughes@lumiere.example"])
        #expect(admin.0 == "admin" && managerA.0 == "manager" && managerB.0 == "manager")

        let store = try SQLiteVariantStore(path: database)
        let pending = try store.variants(in: .pendingApproval)
        let french = pending.filter { $0.accountID.hasPrefix("lumiere-fr-") && !$0.accountID.hasPrefix("lumiere-fr-paris") }
        let frenchX = try #require(french.first { $0.network == .x })
        let others = french.filter { $0.id != frenchX.id && $0.network != .instagram }
        try #require(others.count >= 5)
        let british = try #require(pending.first { $0.accountID.hasPrefix("lumiere-uk-") })
        let ids: [String: Any] = [
            "a_x": frenchX.id, "a_reject": others[0].id, "a_bulk": others[1...3].map(\.id), "a_untouched": others[4].id,
            "b_approve": british.id,
        ]
        let artifacts = Self.root.appendingPathComponent("test-artifacts/e2e").path
        let config: [String: Any] = [
            "base": base, "artifacts": artifacts,
            "users": [
                "admin": ["admin@lumiere.example", admin.1],
                "manager_a": ["claire.martin@lumiere.example", managerA.1],
                "manager_b": ["olivia.hughes@lumiere.example", managerB.1],
            ],
            "ids": ids,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = Self.root.appendingPathComponent("Tests/e2e/approval_flow.py").path
        let result = try Self.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser flow failed:\n\(result.output)\nserver:\n\(server.printed)")

        // What the browser did is in the store, under each user's name.
        #expect(try store.variant(frenchX.id)?.state == .approved)
        #expect(try store.variant(frenchX.id)?.text == "Hydra arrive à Paris : votre peau va adorer. #HydraSerum")
        #expect(try store.variant(others[0].id)?.state == .rejected)
        #expect(try others[1...3].allSatisfy { try store.variant($0.id)?.state == .approved })
        #expect(try store.variant(others[4].id)?.state == .pendingApproval)
        #expect(try store.variant(british.id)?.state == .approved)
        let events = try store.auditEvents().filter { $0.action == .approve || $0.action == .edit || $0.action == .reject }
        #expect(
            events.filter { $0.actor == "claire.martin@lumiere.example" }.map(\.action.rawValue).sorted()
                == ["approve", "approve", "approve", "approve", "edit", "reject"])
        #expect(events.filter { $0.actor == "olivia.hughes@lumiere.example" }.map(\.variantID) == [british.id])
        #expect(FileManager.default.fileExists(atPath: artifacts + "/08-audit-log.png"))
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = try ChildProcess.run(executable: executable, arguments: arguments, mergingErrorIntoOutput: true)
        return (run.status, run.output)
    }
}
