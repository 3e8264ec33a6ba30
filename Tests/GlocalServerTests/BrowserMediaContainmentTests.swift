import Foundation
import GlocalCore
import GlocalStore
import Testing

/// In a real headless Chromium against the real `glocal serve --demo`, on a copy of the example workspace whose
/// assets/ holds links to a secret outside it, to the key file and to the store: a signed-in viewer sees a
/// referenced image in a preview and gets 404 for every link. Screenshots go to test-artifacts/.
struct BrowserMediaContainmentTests {
    static let secret = "SECRET_TOKEN=ghp_browsermediasecret"
    static let key = "S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2V5S2U="  // 32 bytes, as serve requires

    @Test(.timeLimit(.minutes(10))) func aViewerSeesReferencedImagesAndNeverALinkedSecret() async throws {
        let root = BrowserEndToEndTests.root
        try BrowserPrerequisites.require()

        let fm = FileManager.default
        let container = fm.temporaryDirectory.appendingPathComponent("glocal-e2e-media-\(UUID().uuidString)")
        let workspace = container.appendingPathComponent("workspace")
        try fm.createDirectory(at: workspace.appendingPathComponent(".glocal"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: container) }
        for item in ["glocal.yaml", "accounts.yaml", "locales", "campaigns", "assets"] {
            try fm.copyItem(at: root.appendingPathComponent(item), to: workspace.appendingPathComponent(item))
        }
        try fm.createDirectory(at: container.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Self.secret.write(to: container.appendingPathComponent("outside/secret.env"), atomically: true, encoding: .utf8)
        try Self.key.write(to: workspace.appendingPathComponent(".glocal/secret.key"), atomically: true, encoding: .utf8)
        // A key file others may read is refused by serve (operations.md): the owner's only, as glocal makes it.
        try fm.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: workspace.appendingPathComponent(".glocal/secret.key").path)
        let links = [
            "assets/secret.png": "../../outside/secret.env", "assets/key.png": "../.glocal/secret.key",
            "assets/store.png": "../.glocal/glocal.sqlite", "assets/passwd.png": "/etc/passwd",
        ]
        for (path, target) in links {
            try fm.createSymbolicLink(atPath: workspace.appendingPathComponent(path).path, withDestinationPath: target)
        }

        let database = workspace.appendingPathComponent(".glocal/glocal.sqlite").path
        let server = try ServedProcess(arguments: [
            "--demo", "--workspace", workspace.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
        ])
        defer { server.stop() }
        let base = try await server.waitUntilReady()
        let lines: [[Substring]] = server.printed.split(separator: "\n").map { $0.split(separator: " ") }
        let viewer = try #require(lines.first { words in words.count >= 4 && words[0] == "viewer" && words[2] == "password:" })

        let store = try SQLiteVariantStore(path: database)
        let pending = try store.variants(in: .pendingApproval)
        let withImage = try #require(pending.first { $0.network == .instagram && $0.media.contains { $0.hasSuffix(".png") } })
        let image = try #require(withImage.media.first { $0.hasSuffix(".png") })
        let artifacts = root.appendingPathComponent("test-artifacts/e2e").path
        let config: [String: Any] = [
            "base": base, "artifacts": artifacts, "viewer": [String(viewer[1]), String(viewer[3])],
            "variant": withImage.id, "image": image,
            "refused": links.keys.sorted() + [".glocal/secret.key", ".glocal/glocal.sqlite", "assets/%2e%2e/.glocal/secret.key"],
            "markers": ["SECRET_TOKEN", "S2V5S2V5", "SQLite format", "root:x:"],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = root.appendingPathComponent("Tests/e2e/media_containment.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser check failed:\n\(result.output)\nserver:\n\(server.printed)")
        #expect(fm.fileExists(atPath: artifacts + "/media-02-viewer-refused.png"))
    }
}
