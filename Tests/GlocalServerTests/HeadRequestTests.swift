import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GlocalServer

/// HEAD is answered on every GET route with the GET's status and headers and no body (RFC 9110, 9.3.2); it was 404.
struct HeadRequestTests {
    @Test func headAnswersAsGetWithoutABody() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            for path in ["/health", "/login", "/static/queue.js"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(get.status == .ok && head.status == .ok, "\(path): \(head.status)")
                #expect(head.body.readableBytes == 0, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                #expect(head.headers[.init("Content-Security-Policy")!] != nil, "\(path)")
            }
            // Signed out, a page is the same redirect to the sign-in as for GET, and writes nothing.
            let queue = try await client.execute(uri: "/", method: .head)
            #expect(queue.status == .seeOther && queue.headers[.location] == "/login")
            // A POST-only route does not answer HEAD: 405, naming POST.
            let logout = try await client.execute(uri: "/logout", method: .head)
            #expect(logout.status == .methodNotAllowed && logout.headers[.allow] == "POST")
        }
    }
}
