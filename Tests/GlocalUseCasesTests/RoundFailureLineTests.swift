import Foundation
import GRDB
import GlocalCore
import GlocalUseCases
import Testing

/// The lines of a long-running command that used to be free text on standard error (a failed dispatch or notification
/// round, a notifier's failed send, a stop request): lines of the service log in its format, with the node, and never
/// a URL's password.
struct RoundFailureLineTests {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String {
            "cannot reach postgres://glocal:hunter2-secret@db.internal:5432/glocal\nconnection refused"
        }
    }

    @Test func aFailedRoundIsOneJSONObjectWithLevelMessageErrorAndNode() throws {
        let lines = LinesBox()
        let log = ServiceLog(format: .json, level: .info, clock: { Date(timeIntervalSince1970: 0) }, write: { lines.append($0) })
        log.roundFailed("dispatch round failed, trying again", error: Unreachable(), node: "node-a")
        log.roundFailed(
            "notification round failed", error: DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"), node: nil)
        #expect(lines.all.count == 2)
        #expect(lines.all.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: Any])
        #expect(first["level"] as? String == "warning")
        #expect(first["message"] as? String == "dispatch round failed, trying again")
        let fields = try #require(first["fields"] as? [String: Any])
        #expect(fields["node"] as? String == "node-a")
        #expect(
            fields["error"] as? String
                == "cannot reach postgres://glocal:***@db.internal:5432/glocal connection refused")
        let second = try #require(JSONSerialization.jsonObject(with: Data(lines.all[1].utf8)) as? [String: Any])
        #expect(second["message"] as? String == "notification round failed")
        #expect((second["fields"] as? [String: Any])?["error"] as? String == "SQLite error 5: database is locked")
        #expect((second["fields"] as? [String: Any])?["node"] == nil)
        #expect(!lines.all.joined().contains("hunter2"))
    }

    @Test func inTextFormatTheSameLineIsOneLineForPeople() {
        let lines = LinesBox()
        let log = ServiceLog(format: .text, level: .info, clock: { Date(timeIntervalSince1970: 0) }, write: { lines.append($0) })
        log.roundFailed("dispatch round failed, trying again", error: Unreachable(), node: "node-a")
        log.relay(
            .warning, "glocal: notification #3 (webhook of team eu) failed: POST https://u:tok3n@hooks.example/x: 500",
            node: "node-a")
        log.relay(.notice, "stopping after the posts in flight", node: nil)
        #expect(
            lines.all == [
                "1970-01-01T00:00:00.000Z warning dispatch round failed, trying again"
                    + " error=\"cannot reach postgres://glocal:***@db.internal:5432/glocal connection refused\" node=node-a\n",
                "1970-01-01T00:00:00.000Z warning notification #3 (webhook of team eu) failed:"
                    + " POST https://u:***@hooks.example/x: 500 node=node-a\n",
                "1970-01-01T00:00:00.000Z notice stopping after the posts in flight\n",
            ])
    }

    @Test func maskingLeavesURLsWithoutAPasswordAlone() {
        #expect(
            LogRedaction.maskingURLPasswords("postgres://glocal@db/x and https://a.example/b?c=d")
                == "postgres://glocal@db/x and https://a.example/b?c=d")
        #expect(
            LogRedaction.maskingURLPasswords("smtp://mailer:p@ss:w0rd@mail.example:587") == "smtp://mailer:***@mail.example:587")
    }
}
