import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal user notifications EMAIL --digest on|off --alerts on|off` through the real binary.
@Suite struct UserNotificationsCommandTests {
    func glocal(_ arguments: [String], in workspace: WorkspaceFixture, input: String? = nil) throws -> (Int32, String, String) {
        try GlocalProcess.run(
            arguments + ["--database", workspace.root.appendingPathComponent(".glocal/test.sqlite").path],
            in: workspace.root, input: input)
    }

    @Test func aUserTurnsTheDigestOffThenOnAndTheStoreKeepsIt() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let (added, _, addError) = try glocal(
            ["user", "add", "claire@lumiere.example", "--role", "manager", "--password-stdin"], in: workspace,
            input: "a secret password\n")
        #expect(added == 0, "\(addError)")
        let (shown, before, _) = try glocal(["user", "notifications", "Claire@lumiere.example"], in: workspace)
        #expect(shown == 0)
        #expect(before == "claire@lumiere.example: digest on, alerts on\n")
        let (off, after, _) = try glocal(["user", "notifications", "claire@lumiere.example", "--digest", "off"], in: workspace)
        #expect(off == 0)
        #expect(after == "claire@lumiere.example: digest off, alerts on\n")
        let store = try SQLiteVariantStore(path: workspace.root.appendingPathComponent(".glocal/test.sqlite").path)
        #expect(
            try NotificationStore(store: store).preferences(of: "claire@lumiere.example")
                == NotificationPreferences(digest: false))
        let (_, both, _) = try glocal(
            ["user", "notifications", "claire@lumiere.example", "--digest", "on", "--alerts", "off"], in: workspace)
        #expect(both == "claire@lumiere.example: digest on, alerts off\n")
    }

    @Test func anUnknownUserOrValueIsRefused() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        _ = try glocal(["user", "add", "ops@lumiere.example", "--role", "admin"], in: workspace)
        let (missing, _, error) = try glocal(
            ["user", "notifications", "nobody@lumiere.example", "--digest", "off"], in: workspace)
        #expect(missing != 0)
        #expect(error.contains("no user 'nobody@lumiere.example'"))
        let (bad, _, badError) = try glocal(["user", "notifications", "ops@lumiere.example", "--digest", "maybe"], in: workspace)
        #expect(bad != 0)
        #expect(badError.contains("maybe"))
        let (_, admin, _) = try glocal(["user", "notifications", "ops@lumiere.example"], in: workspace)
        #expect(admin.contains("only managers are sent digests and alerts"))
    }
}
