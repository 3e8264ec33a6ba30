import Foundation
import GlocalNetworks
import Testing

/// The transport never sends a request twice: libcurl (under URLSession on Linux) re-sends a request
/// whose reused keep-alive connection died before any answer, and did so with the head but not the body.
/// A raw-socket server records every byte on every connection.
struct TransportNoResendTests {
    private static func post(_ port: UInt16, _ path: String, bytes: Int) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: URL(string: "http://127.0.0.1:\(port)\(path)")!,
            headers: ["Content-Type": "application/octet-stream"], body: Data(repeating: 0x61, count: bytes))
    }

    private static func count(_ needle: String, in connections: [String]) -> Int {
        connections.reduce(0) { $0 + $1.components(separatedBy: needle).count - 1 }
    }

    @Test(arguments: [0, 1_000])
    func aConnectionDroppedMidRequestIsAnUnknownOutcomeAndNothingIsResent(bodyBytesBeforeTheDrop: Int) async throws {
        // Request 0 warms a keep-alive connection up; request 1 (the post) is dropped mid-request;
        // a re-sent post would be answered, so the client would wrongly succeed.
        let server = try RecordingHTTPServer { index in index == 1 ? .drop(bodyBytes: bodyBytesBeforeTheDrop) : .answer }
        let transport = URLSessionTransport(timeout: 20)
        let warmUp = try await transport.send(Self.post(server.port, "/warm-up", bytes: 10))
        #expect(warmUp.status == 200)

        var failure: TransportError?
        do {
            _ = try await transport.send(Self.post(server.port, "/statuses", bytes: 200_000))
        } catch let error as TransportError {
            failure = error
        }
        let connections = server.stop()

        let arrivals = Self.count("POST /statuses ", in: connections)
        #expect(arrivals == 1, "the post arrived \(arrivals) times")
        #expect(Self.count("POST /warm-up ", in: connections) == 1)
        // The server kept the warm-up's connection open anyway: the post still went out on a connection of its own.
        #expect(connections.count == 2)
        let outcome = try #require(failure, "the dropped post must fail, not be re-sent and answered")
        guard case .connectionLost = outcome else {
            Issue.record("a connection lost after the request left is an unknown outcome, got \(outcome)")
            return
        }
    }

    @Test func aKeptAliveConnectionClosedBetweenTwoRequestsCarriesNeitherTwice() async throws {
        // The server answers the first post as if keeping the connection, then closes it.
        let server = try RecordingHTTPServer { index in index == 0 ? .answerThenClose : .answer }
        let transport = URLSessionTransport(timeout: 20)
        let first = try await transport.send(Self.post(server.port, "/first", bytes: 5_000))
        let second = try await transport.send(Self.post(server.port, "/second", bytes: 5_000))
        let connections = server.stop()

        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(Self.count("POST /first ", in: connections) == 1)
        #expect(Self.count("POST /second ", in: connections) == 1)
        // Each connection carries one request and asks to be closed: no stale connection is ever reused.
        #expect(connections.count == 2)
        #expect(connections.allSatisfy { Self.count("HTTP/1.1\r\n", in: [$0]) == 1 })
        #expect(connections.allSatisfy { $0.lowercased().contains("\r\nconnection: close\r\n") })
    }
}
