import Foundation
import GlocalServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A form body over the server's limit, sent to the real server on a loopback socket, is read to its end and answered
/// by a page that says so (NIO's own answer was an empty 413, sent while the body was still coming: a blank page, or
/// a connection reset under the browser).
struct OversizedRequestTests {
    @Test func aBodyOverTheLimitGetsAPageSayingNothingWasRead() async throws {
        let fixture = try ServerFixture()
        let log = CapturedLog()
        // The default idle timeout: the timeout tests' half second would close the connection while the client,
        // slowed by a busy machine, waits to send the rest of its body.
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = ApprovalServer.application(
            fixture.environment, host: "127.0.0.1", port: 0, idleTimeout: .seconds(30), logger: log.logger(level: .debug)
        ) { port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            defer { group.cancelAll() }
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/login")!)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data("email=".utf8) + Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = try #require(response as? HTTPURLResponse).statusCode
            let page = String(decoding: data, as: UTF8.self)
            #expect(status == 413)
            #expect(page.contains("larger than the 256 KiB glocal accepts, so nothing in it was read or saved"), "\(page)")
            #expect(page.contains("<h1>Content Too Large</h1>") || page.contains("<h1>Payload Too Large</h1>"), "\(page)")
        }
    }
}
