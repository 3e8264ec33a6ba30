import Foundation
import GlocalServer
import Testing

/// The real server on a loopback socket closes connections that stay silent for the idle timeout:
/// never used, headers never finished, a body shorter than its `Content-Length`, or idle after a
/// keep-alive answer; a complete request is still answered.
struct ConnectionTimeoutTests {
    static let idle: Duration = .milliseconds(500)

    @Test(.timeLimit(.minutes(5))) func halfSentAndIdleConnectionsAreClosedAndACompleteRequestIsAnswered() async throws {
        let fixture = try ServerFixture()
        let log = CapturedLog()
        try await Self.withServer(fixture, log: log) { port in
            let kinds: [(name: String, request: String)] = [
                ("silent", ""),
                ("headers never finished", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/ht"),
                (
                    "body shorter than Content-Length",
                    "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100\r\n\r\nemail=a%40b"
                ),
                ("idle after a keep-alive answer", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
            ]
            var connections: [LoopbackConnection] = []
            var names: [String] = []
            for kind in kinds {
                for _ in 0..<5 {
                    let connection = try LoopbackConnection(port: port)
                    if !kind.request.isEmpty { try connection.send(kind.request) }
                    connections.append(connection)
                    names.append(kind.name)
                }
            }
            let outcomes = await LoopbackConnection.waitForClose(connections, limit: .seconds(20))
            for (name, outcome) in zip(names, outcomes) {
                let closedAfter = try #require(outcome.closedAfter, "a connection (\(name)) is still open")
                // Closed by the idle timeout, not at once for some other reason.
                #expect(closedAfter >= Self.idle * 0.9, "\(name) closed after \(closedAfter)")
                if name == "idle after a keep-alive answer" {
                    #expect(outcome.text.hasPrefix("HTTP/1.1 200"), "\(outcome.text)")
                } else {
                    #expect(!outcome.text.contains("HTTP/1.1 200"), "\(name): \(outcome.text)")
                }
            }

            let complete = try LoopbackConnection(port: port)
            try complete.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let answer = try #require(await LoopbackConnection.waitForClose([complete], limit: .seconds(20)).first)
            #expect(answer.text.hasPrefix("HTTP/1.1 200") && answer.text.hasSuffix("\r\n\r\nok\n"), "\(answer.text)")
        }
        // A body cut short by the timeout is not an error of the server's: no error page, no error logged.
        #expect(!log.lines.contains { $0.message.hasPrefix("unexpected error") || $0.message.hasPrefix("store busy") })
    }

    @Test func theIdleTimeoutOptionAcceptsATenthOfASecondToADay() {
        #expect(ApprovalServer.idleTimeout(seconds: 30) == .seconds(30))
        #expect(ApprovalServer.idleTimeout(seconds: 0.25) == .milliseconds(250))
        #expect(ApprovalServer.idleTimeout(seconds: 86_400) == .seconds(86_400))
        for refused in [0, -1, 0.05, 86_401, .infinity, .nan] {
            #expect(ApprovalServer.idleTimeout(seconds: refused) == nil, "\(refused)")
        }
        #expect(ApprovalServer.defaultIdleTimeout == .seconds(30))
    }

    /// Runs `ApprovalServer.application` (as `glocal serve` builds it, with a short idle timeout) on a
    /// free loopback port for `body`, then stops it.
    static func withServer(
        _ fixture: ServerFixture, log: CapturedLog, _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = ApprovalServer.application(
            fixture.environment, host: "127.0.0.1", port: 0, idleTimeout: idle, logger: log.logger(level: .debug)
        ) { port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw ConnectionFailure(message: "the server did not start") }
            do {
                try await body(port)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
