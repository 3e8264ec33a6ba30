import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GlocalServer

/// A known address asked with a method it does not take is 405 with `Allow` (HEAD wherever GET), not 404; an unknown
/// address stays 404.
struct MethodNotAllowedTests {
    @Test(arguments: [
        ("DELETE", "/", "GET, HEAD"), ("POST", "/campaigns", "GET, HEAD"), ("PUT", "/audit", "GET, HEAD"),
        ("GET", "/approve", "POST"), ("HEAD", "/reject-selected", "POST"), ("DELETE", "/variants/c/p/a", "GET, HEAD"),
        ("GET", "/variants/c/p/a/approve", "POST"), ("PATCH", "/login", "GET, HEAD, POST"),
        ("OPTIONS", "/notifications", "GET, HEAD, POST"),
    ])
    func aWrongMethodOnAKnownAddressIs405WithAllow(method: String, path: String, allow: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            // Signed in or not, the answer is the same: which methods an address takes is no secret.
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            for cookies in [browser.cookies, [:]] {
                var headers: HTTPFields = [:]
                if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
                let answer = try await client.execute(
                    uri: path, method: HTTPRequest.Method(method)!, headers: headers)
                #expect(answer.status == .methodNotAllowed, "\(method) \(path): \(answer.status)")
                #expect(answer.headers[.allow] == allow, "\(method) \(path)")
                if method != "HEAD" {
                    #expect(String(buffer: answer.body).contains("does not take \(method): it answers \(allow) only."))
                }
            }
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
    }

    @Test func anUnknownAddressIsStill404() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            let deleted = try await client.execute(uri: "/no-such-page", method: .delete)
            let read = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(deleted.status == .notFound && read.status == .notFound)
        }
    }

    @Test func headJoinsGetAndTheOrderIsFixed() {
        #expect(MethodNotAllowedRoutes.allowed([.post, .get]) == [.get, .head, .post])
        #expect(MethodNotAllowedRoutes.allowed([.post]) == [.post])
    }
}
