import Foundation
import GlocalServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A form body over the server's limit, sent to the real server on a loopback socket, is answered by a page that
/// says so (NIO's own answer is an empty 413, which a browser shows as a blank page).
struct OversizedRequestTests {
    @Test func aBodyOverTheLimitGetsAPageSayingNothingWasRead() async throws {
        let fixture = try ServerFixture()
        let log = CapturedLog()
        try await ConnectionTimeoutTests.withServer(fixture, log: log) { port in
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
