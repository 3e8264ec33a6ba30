import Foundation
import GlocalCore
import GlocalStore
import Testing

/// Connecting accounts end to end in a real headless Chromium: the real `glocal serve --demo` sends the local manager
/// to the real `glocal sandbox`'s authorization pages; denial, another account, a missing permission, an expired code
/// and a tampered state are refused with their reason and store nothing; then an account of every network connects
/// (Bluesky with an app password) and its sealed credentials open with the store's key.
struct BrowserConnectAccountsTests {
    static let accounts = [
        "lumiere-fr-x", "lumiere-fr-facebook", "lumiere-fr-instagram", "lumiere-fr-threads", "lumiere-fr-linkedin",
        "lumiere-fr-mastodon", "lumiere-fr-youtube", "lumiere-fr-tiktok",
    ]

    @Test(.timeLimit(.minutes(5))) func aManagerConnectsAnAccountOfEveryNetworkThroughItsSignInPage() async throws {
        try BrowserPrerequisites.require()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-e2e-connect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let root = BrowserEndToEndTests.root

        let sandbox = try ServedProcess(command: "sandbox", arguments: [])
        // `glocal sandbox` has no graceful stop: killed.
        defer {
            sandbox.process.kill(SIGKILL)
            sandbox.process.wait()
        }
        var sandboxURL: String?
        for _ in 0..<600 where sandboxURL == nil && sandbox.process.isRunning {
            sandboxURL = sandbox.printed.firstMatch(of: /listening on (http:\/\/127\.0\.0\.1:\d+)/).map { String($0.1) }
            if sandboxURL == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let sandboxBase = try #require(sandboxURL, "the sandbox did not start:\n\(sandbox.printed)")
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
            "--oauth-sandbox", sandboxBase,
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()
        let manager = "claire.martin@lumiere.example"
        let password = try #require(server.demoPasswords[manager])

        let config: [String: Any] = [
            "base": base, "sandbox": sandboxBase, "artifacts": root.appendingPathComponent("test-artifacts/e2e").path,
            "user": [manager, password], "fault_account": "lumiere-fr-x", "accounts": Self.accounts,
            "bluesky": "lumiere-fr-bluesky",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = root.appendingPathComponent("Tests/e2e/connect_accounts.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser check failed:\n\(result.output)\nserver:\n\(server.printed)")

        // One connect event per account, by the manager, none for the refused attempts; the tokens open with the key.
        let store = try SQLiteVariantStore(path: database)
        let events = try store.accountAuditEvents().filter { $0.action == .connect }
        #expect(Set(events.compactMap(\.accountID)) == Set(Self.accounts + ["lumiere-fr-bluesky"]))
        #expect(events.allSatisfy { $0.actor == manager })
        let secrets = store.accountSecrets(
            key: try SecretKey.load(forStoreAt: database, environment: ProcessInfo.processInfo.environment))
        let x = try #require(try secrets.secret(account: "lumiere-fr-x"))
        let text = String(decoding: x, as: UTF8.self)
        #expect(text.contains("\"refresh_token\"") && text.contains("lumierefr~access-"))
        // No token in what the server printed.
        #expect(!server.printed.contains("~access-") && !server.printed.contains("~refresh-"))
    }
}
