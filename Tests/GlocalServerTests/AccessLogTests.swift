import Foundation
import GlocalCore
import GlocalServer
import GlocalUseCases
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The web UI's access log: one line per request with method, path, status, duration and user, and
/// never a password, a cookie or a token from the query.
struct AccessLogTests {
    /// A JSON-lines log kept in memory.
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
        var log: ServiceLog {
            ServiceLog(format: .json, level: .info, write: { text in self.lines.withLock { $0.append(text) } })
        }
        var objects: [[String: Any]] {
            lines.withLock { $0 }.compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    @Test func everyRequestIsLoggedOnceWithItsStatusAndUserAndNoSecret() async throws {
        let fixture = try ServerFixture()
        let captured = Captured()
        let app = Application(router: ApprovalServer.router(fixture.environment, accessLog: captured.log))
        let sessionCookie = Mutex("")
        try await app.test(.router) { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let cookie = try #require(browser.cookies["glocal_session"])
            sessionCookie.withLock { $0 = cookie }
            _ = try await browser.get("/?token=tok-1234567890&page=2")
            _ = try await browser.get("/no/such/page")
        }
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 4)
        let everything = lines.joined()
        #expect(!everything.contains(ServerFixture.password))
        #expect(!everything.contains(sessionCookie.withLock { $0 }))
        #expect(!sessionCookie.withLock { $0 }.isEmpty)
        #expect(!everything.contains("tok-1234567890"))
        let fields = captured.objects.compactMap { $0["fields"] as? [String: Any] }
        #expect(fields.map { $0["method"] as? String } == ["GET", "POST", "GET", "GET"])
        #expect(fields.map { $0["path"] as? String } == ["/login", "/login", "/?token=REDACTED&page=2", "/no/such/page"])
        #expect(fields.map { $0["status"] as? Int } == [200, 303, 200, 404])
        #expect(fields.map { $0["user"] as? String } == ["-", "-", ServerFixture.france, ServerFixture.france])
        #expect(fields.allSatisfy { ($0["duration_ms"] as? Double ?? -1) >= 0 })
        #expect(captured.objects.allSatisfy { $0["message"] as? String == "request" && $0["time"] is String })
    }

    @Test func aReloadSwapsTheWorkspaceForTheNextRequest() async throws {
        let fixture = try ServerFixture()
        var fewer = ServerFixture.workspace
        fewer.accounts = fewer.accounts.filter { $0.id.value != "lumiere-fr-facebook" }
        let reduced = ServerEnvironment(
            workspace: fewer, workspaceRoot: ServerFixture.root, store: fixture.environment.store,
            users: fixture.environment.users,
            sessions: fixture.environment.sessions, media: fixture.environment.media, now: fixture.environment.now)
        let server = ReloadableApprovalServer(fixture.environment)
        let app = server.application(host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            let before = try await browser.get("/accounts")
            #expect(before.body.contains("lumiere-fr-facebook"))
            server.reload(reduced)
            let after = try await browser.get("/accounts")
            #expect(after.status == .ok)
            #expect(!after.body.contains("lumiere-fr-facebook"))
            #expect(after.body.contains("lumiere-fr-x"))
        }
    }
}
