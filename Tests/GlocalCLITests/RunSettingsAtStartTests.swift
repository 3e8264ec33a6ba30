import Foundation
import Testing

/// docs/operations.md, Notifications: a bad notification setting stops `glocal run` at start, in plain words, before
/// the demo replays anything.
struct RunSettingsAtStartTests {
    @Test(arguments: [
        (["--digest-at", "25:00"], "glocal run stopped: --digest-at takes a local time as HH:MM (e.g. 08:00), not '25:00'"),
        // The SMTP settings are the configuration's: refused with the rest of it, as `glocal config check` shows.
        (
            ["--smtp", "smtps://mail.lumiere.example:465", "--mail-from", "glocal@lumiere.example"],
            "error[config.value-invalid]: --smtp: the SMTP URL's scheme is 'smtps'"
        ),
    ])
    func aBadNotificationSettingStopsTheDemoAtStart(_ options: [String], _ message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-run-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, output, error) = try GlocalProcess.run(
            [
                "run", "--demo", "--port", "0", "--now", "2026-11-21T09:00:00Z", "--database",
                directory.appendingPathComponent("s.sqlite").path,
            ]
                + options, in: ValidateCommandTests.repositoryRoot)
        #expect(status != 0)
        #expect(error.contains(message), "\(error)")
        #expect(!error.contains("CommandFailure(") && !error.contains("\\'"), "\(error)")
        // Stopped before the demo's replay: nothing was published.
        #expect(!(output + error).contains("what went out where"), "\(output)")
    }
}
