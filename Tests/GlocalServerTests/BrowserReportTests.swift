import Foundation
import Testing

/// The engagement report in a real headless Chromium against the real `glocal run --demo` (its
/// posts published and their engagement read back): the period form, headline figures, charts,
/// tables, CSV download, a 390 px phone and "print to PDF". Artifacts go to test-artifacts/e2e/.
struct BrowserReportTests {
    @Test(.timeLimit(.minutes(10))) func theReportIsReadPrintedAndDownloadedInChromium() async throws {
        try BrowserPrerequisites.require()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let served = try ServedProcess(
            command: "run", arguments: ["--demo", "--now", "2026-11-21T09:00:00Z", "--database", database],
            directory: BrowserEndToEndTests.root)
        defer { served.stop() }
        // Ready once the demo's posts are out and read back, not just once the UI is up.
        let base = try await served.waitUntilReady(attempts: 1_800, path: "/healthz")
        let users = served.demoPasswords
        let admin = try #require(users["admin@lumiere.example"])
        let manager = try #require(users["claire.martin@lumiere.example"])
        let config: [String: Any] = [
            "base": base, "artifacts": BrowserEndToEndTests.root.appendingPathComponent("test-artifacts/e2e").path,
            "users": [
                "admin": ["admin@lumiere.example", admin], "manager": ["claire.martin@lumiere.example", manager],
            ],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        let script = BrowserEndToEndTests.root.appendingPathComponent("Tests/e2e/report.py").path
        let result = try BrowserEndToEndTests.run("/usr/bin/env", ["python3", script, json])
        #expect(result.status == 0, "the browser report failed:\n\(result.output)\nserver:\n\(served.printed.suffix(4_000))")
    }
}
