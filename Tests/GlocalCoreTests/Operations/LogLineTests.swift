import Foundation
import GlocalCore
import Testing

/// Log lines as text and as JSON lines; access-log entries without secrets.
struct LogLineTests {
    static let instant = Date(timeIntervalSince1970: 1_796_000_000.25)

    @Test func aJSONLineIsOneObjectWithTimeLevelMessageAndFields() throws {
        let line = LogLine(
            time: Self.instant, level: .info, message: "publish attempt",
            fields: [("variant", .text("c/p/a \"quoted\"\nnext")), ("duration_ms", .number(12.5)), ("attempt", .integer(2))])
        let json = line.rendered(.json)
        #expect(!json.contains("\n"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-11-30T00:53:20.250Z")
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "publish attempt")
        let fields = try #require(object["fields"] as? [String: Any])
        #expect(fields["variant"] as? String == "c/p/a \"quoted\"\nnext")
        #expect(fields["duration_ms"] as? Double == 12.5)
        #expect(fields["attempt"] as? Int == 2)
    }

    @Test func aTextLineStaysOnOneLine() {
        let line = LogLine(
            time: Self.instant, level: .warning, message: "two\nlines",
            fields: [("path", .text("/a b")), ("status", .integer(503))])
        #expect(line.rendered(.text) == "2026-11-30T00:53:20.250Z warning two lines path=\"/a b\" status=503")
    }

    @Test func levelsAreOrdered() {
        #expect(LogLevel.debug < .info)
        #expect(LogLevel.error > .warning)
        #expect(LogLevel.allCases.first == .trace)
    }

    @Test func theAccessLogRedactsSecretLookingQueryValuesAndKeepsTheRest() {
        #expect(AccessLogEntry.redactedTarget(path: "/queue", query: nil) == "/queue")
        #expect(
            AccessLogEntry.redactedTarget(path: "/oauth/x/callback", query: "code=abc123&state=s3cr3t&page=2")
                == "/oauth/x/callback?code=REDACTED&state=REDACTED&page=2")
        #expect(
            AccessLogEntry.redactedTarget(path: "/r", query: "access_token=t0k3n&Api%5FKey=k&network=x")
                == "/r?access_token=REDACTED&Api%5FKey=REDACTED&network=x")
        let entry = AccessLogEntry(
            method: "GET", path: "/cb", query: "token=abc", status: 302, milliseconds: 1.5, userID: "claire@example.com")
        let line = entry.line(at: Self.instant).rendered(.json)
        #expect(!line.contains("abc"))
        #expect(line.contains("\"user\":\"claire@example.com\""))
        #expect(entry.line(at: Self.instant).level == .info)
        #expect(
            AccessLogEntry(method: "GET", path: "/", query: nil, status: 503, milliseconds: 1, userID: nil).line(at: Self.instant)
                .level == .warning)
    }
}
