import Foundation
import GRDB
import Testing

/// `glocal audit` prints the dispatcher's `needs_reconnect` events (written by the publish queue when
/// the network refuses a token) with the worker and the refusal, in text and JSON.
struct NeedsReconnectAuditCommandTests {
    @Test func glocalAuditPrintsTheNeedsReconnectHold() throws {
        let workspace = try WorkspaceFixture(overlay: nil)
        defer { workspace.remove() }
        let root = workspace.root
        // Creates and migrates the store.
        #expect(
            try GlocalProcess.run(["account", "pause", "lum-fr-instagram", "--now", "2026-11-21T09:00:00Z"], in: root).0 == 0)
        let database = try DatabaseQueue(path: root.appendingPathComponent(".glocal/glocal.sqlite").path)
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_audit_event (at, actor, account_id, action, reason)
                    VALUES ('2026-11-21T10:00:00.000Z', 'host-42', 'lum-fr-x', 'needs_reconnect',
                            'token expired; refresh refused: HTTP 401')
                    """)
        }
        try database.close()

        let (status, text, _) = try GlocalProcess.run(["audit", "--account", "lum-fr-x"], in: root)
        #expect(status == 0)
        #expect(
            text.split(separator: "\n").map(String.init) == [
                "2026-11-21T10:00:00Z  host-42  needs_reconnect  lum-fr-x  reason: token expired; refresh refused: HTTP 401"
            ])
        let (_, json, _) = try GlocalProcess.run(["audit", "--account", "lum-fr-x", "--format", "json"], in: root)
        #expect(json.contains("\"actor\":\"host-42\",\"action\":\"needs_reconnect\",\"account\":\"lum-fr-x\""))
        #expect(json.contains("\"reason\":\"token expired; refresh refused: HTTP 401\""))
    }
}
