import Foundation
import GlocalServer
import GlocalUseCases
import Logging
import Synchronization
import Testing

/// The web server's own log lines go to the service's log in its format: from `warning` up, with the request id and
/// the node, a URL's password masked, and no other metadata.
@Suite struct ServiceLogHandlerTests {
    @Test func aWarningKeepsItsRequestIdAndNodeAndLosesEverythingElse() throws {
        let captured = AccessLogTests.Captured()
        let logger = ServiceLogHandler.logger(captured.log, node: "node-a")
        logger.debug("not written")
        logger.warning(
            "upstream refused postgres://glocal:hunter2@db.example/glocal",
            metadata: ["hb.request.id": "req-7", "cookie": "session=secret"])
        let objects = captured.objects
        #expect(objects.count == 1)
        let line = try #require(objects.first)
        #expect(line["level"] as? String == "warning")
        #expect(line["fields"] as? [String: String] == ["request_id": "req-7", "node": "node-a"])
        #expect(line["message"] as? String == "upstream refused postgres://glocal:***@db.example/glocal")
        #expect(!captured.lines.withLock { $0 }.joined().contains("session=secret"))
    }
}
