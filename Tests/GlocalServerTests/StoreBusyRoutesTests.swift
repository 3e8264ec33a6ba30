import Foundation
import GRDB
import GlocalServer
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// While another process holds the store's write lock, a write waits the busy timeout, then answers a
/// 503 page with `Retry-After` and one log line; other unexpected errors answer a 500 page with a
/// logged request id. Never a bare 500 with an empty body.
struct StoreBusyRoutesTests {
    static let frXPath = "/variants/hydra-launch/launch/lumiere-fr-x"

    @Test func approvingWhileAnotherProcessWritesAnswers503ThenSucceedsOnceTheLockIsGone() async throws {
        let fixture = try StoreBusyFixture()
        defer { fixture.remove() }
        let lockPath = fixture.path
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let shown = try await browser.get(Self.frXPath)
            let csrf = try #require(shown.csrf)
            let revision = try #require(shown.revision)

            let lock = try WriteLockHolder(path: lockPath)
            // Reads go on in WAL mode: the page still opens while the lock is held.
            #expect(try await browser.get(Self.frXPath).status == .ok)
            let busy = try await browser.post(Self.frXPath + "/approve", form: [("csrf", csrf), ("revision", revision)])
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "5")
            #expect(busy.headers[.contentType] == "text/html; charset=utf-8")
            #expect(busy.body.contains("<h1>The store is being updated</h1>"))
            #expect(busy.body.contains("being updated by another process") && busy.body.contains("Try again in a few seconds"))
            #expect(!busy.body.contains(csrf))
            try lock.release()

            let done = try await browser.post(Self.frXPath + "/approve", form: [("csrf", csrf), ("revision", revision)])
            #expect(done.status == .seeOther && done.location == Self.frXPath)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .approved)
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .approve }.count == 1)

        let busyLines = fixture.log.lines.filter { $0.message.hasPrefix("store busy:") }
        try #require(busyLines.count == 1, "\(fixture.log.lines.map(\.message))")
        let line = busyLines[0]
        #expect(line.level == .warning)
        #expect(line.message.contains("POST /variants/{campaign}/{post}/{account}/approve answered 503 after waiting 0."))
        #expect(line.message.contains("another process's lock on the store"))
        #expect(line.metadata["hb.request.id"] != nil)
        // Nothing of the form or the session is logged.
        #expect(!fixture.log.lines.contains { $0.message.contains("csrf") || $0.message.contains("glocal_session") })
        #expect(!fixture.log.lines.contains { $0.level >= .error })
    }

    @Test func signingInWhileTheStoreIsLockedAnswersTheBusyPageToo() async throws {
        let fixture = try StoreBusyFixture()
        defer { fixture.remove() }
        let lockPath = fixture.path
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            let lock = try WriteLockHolder(path: lockPath)
            // Signing in writes the attempt and the session.
            let busy = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            #expect(busy.status == .serviceUnavailable && busy.headers[.retryAfter] == "5")
            #expect(busy.body.contains("The store is being updated"))
            try lock.release()
            #expect(try await browser.login(ServerFixture.france, password: ServerFixture.password).status == .seeOther)
        }
        let line = try #require(fixture.log.lines.first { $0.message.hasPrefix("store busy:") })
        #expect(line.message.contains("POST /login answered 503"))
        #expect(!line.message.contains(ServerFixture.password) && !line.message.contains(ServerFixture.france))
    }

    /// In WAL mode a writer never blocks readers (the approve test reads while the lock is held); a read
    /// that does get SQLITE_BUSY or SQLITE_LOCKED (WAL recovery, a wrapped error) answers the same page.
    @Test func aReadThatGetsABusyErrorAnswersTheBusyPageToo() async throws {
        let fixture = try StoreBusyFixture()
        defer { fixture.remove() }
        try await fixture.test(extraRoutes: { router in
            router.get("/test/recovering") { _, _ -> Response in throw DatabaseError(resultCode: .SQLITE_BUSY_RECOVERY) }
            router.get("/test/wrapped") { _, _ -> Response in
                throw VariantStoreError.statementFailed(action: "edit", variantID: "a/b/c", message: "database table is locked")
            }
        }) { client in
            for path in ["/test/recovering", "/test/wrapped"] {
                let response = try await client.execute(uri: path + "?q=secret", method: .get)
                #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "5")
                #expect(String(buffer: response.body).contains("The store is being updated"))
            }
        }
        let lines = fixture.log.lines.filter { $0.message.hasPrefix("store busy:") }.map(\.message)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("GET /test/recovering answered 503 after waiting 0.0 s") == true)
        #expect(!lines.contains { $0.contains("secret") })
    }

    @Test func anUnexpectedErrorAnswersAPageWithTheRequestIdTheLogNames() async throws {
        let fixture = try StoreBusyFixture()
        defer { fixture.remove() }
        struct Surprise: Error {}
        try await fixture.test(extraRoutes: { router in
            router.get("/test/surprise") { _, _ -> Response in throw Surprise() }
            router.get("/test/corrupt") { _, _ -> Response in
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed", sql: "SELECT secret FROM t")
            }
        }) { client in
            for path in ["/test/surprise", "/test/corrupt"] {
                let response = try await client.execute(uri: path, method: .get)
                let body = String(buffer: response.body)
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(body.contains("<h1>Something went wrong</h1>"))
                // No detail in the answer: neither the error nor its SQL.
                #expect(!body.contains("Surprise") && !body.contains("SELECT") && !body.contains("malformed"))
                #expect(response.headers[.init("Server-Timing")!] != nil)
                let id = try #require(body.firstMatch(of: /request id <code>([0-9a-f]+)<\/code>/)).1
                let logged = try #require(fixture.log.lines.first { $0.metadata["hb.request.id"] == String(id) })
                #expect(logged.level == .error)
                #expect(logged.message.hasPrefix("unexpected error: GET \(path) answered 500"))
            }
        }
        #expect(fixture.log.lines.contains { $0.message.contains("Surprise") })
        #expect(fixture.log.lines.contains { $0.message.contains("database disk image is malformed") })
    }

    @Test func anHTTPErrorStillGetsItsOwnPage() async throws {
        let fixture = try StoreBusyFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let missing = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(missing.status == .notFound && String(buffer: missing.body).contains("<h1>Not found</h1>"))
        }
        #expect(fixture.log.lines.isEmpty)
    }
}
