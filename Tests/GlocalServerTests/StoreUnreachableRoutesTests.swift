import Foundation
import GRDB
import GlocalServer
import GlocalStore
import GlocalUseCases
import Hummingbird
import HummingbirdTesting
import Testing

/// A store that cannot be read (an SQLite file that cannot be opened or read; the PostgreSQL server away,
/// which `WebUIDatabaseOutageTests` shows with a real server) answers a short 503 page with `Retry-After`, never a
/// 500: pages say to try again, a form says it was not saved, a broken commit says it may or may not have been.
struct StoreUnreachableRoutesTests {
    /// Sessions that fail as the store behind them does while `failure` is set.
    final class FailingSessions: SessionDirectory, @unchecked Sendable {
        let real: any SessionDirectory
        var failure: (any Error)?
        init(_ real: any SessionDirectory) { self.real = real }
        var lifetime: TimeInterval { real.lifetime }
        func open(for email: String, now: Date) throws -> (token: String, session: Session) {
            try real.open(for: email, now: now)
        }
        func session(token: String, now: Date) throws -> Session? {
            if let failure { throw failure }
            return try real.session(token: token, now: now)
        }
        func close(token: String) throws { try real.close(token: token) }
    }

    static let variantPath = "/variants/hydra-launch/launch/lumiere-fr-x"

    static func headers(_ token: String, form: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [.cookie: "glocal_session=\(token)"]
        if form { headers[.contentType] = "application/x-www-form-urlencoded" }
        return headers
    }

    @Test(arguments: [ResultCode.SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_PERM])
    func anUnreadableSQLiteStoreAnswers503AndAFormSaysItWasNotSaved(_ code: ResultCode) async throws {
        let fixture = try ServerFixture()
        let sessions = FailingSessions(fixture.environment.sessions)
        let base = fixture.environment
        let environment = ServerEnvironment(
            workspace: base.workspace, workspaceRoot: base.workspaceRoot, store: base.store, users: base.users,
            sessions: sessions, media: base.media, now: base.now)
        let (token, session) = try sessions.open(for: ServerFixture.france, now: ServerFixture.start)
        let revision = try #require(try fixture.store.variant(ServerFixture.frX.id)).contentHash
        let log = CapturedLog()
        let app = Application(router: ApprovalServer.router(environment), logger: log.logger())
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: Self.variantPath, method: .get, headers: Self.headers(token)).status == .ok)
            sessions.failure = DatabaseError(resultCode: code, message: "unable to open database file")
            let page = try await client.execute(uri: Self.variantPath, method: .get, headers: Self.headers(token))
            let form = "csrf=\(session.csrfToken)&revision=\(revision)"
            let post = try await client.execute(
                uri: Self.variantPath + "/approve", method: .post, headers: Self.headers(token, form: true),
                body: ByteBuffer(string: form))
            for answer in [page, post] {
                #expect(answer.status == .serviceUnavailable)
                #expect(answer.headers[.retryAfter] == "5")
                let body = String(buffer: answer.body)
                #expect(body.contains("The database is not reachable; try again in a moment."))
                #expect(!body.contains("SQLite") && !body.contains("unable to open") && !body.contains(session.csrfToken))
            }
            #expect(!String(buffer: page.body).contains("Your change was not saved."))
            #expect(String(buffer: post.body).contains("Your change was not saved."))
            sessions.failure = nil
            #expect(try await client.execute(uri: Self.variantPath, method: .get, headers: Self.headers(token)).status == .ok)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
        let lines = log.lines.filter { $0.message.hasPrefix("store unreachable: ") }
        #expect(lines.count == 2, "\(log.lines.map(\.message))")
        #expect(lines.allSatisfy { $0.level == .error && $0.message.contains("SQLite error \(code.rawValue)") })
    }

    @Test func aCommitWhoseAnswerWasLostSaysTheChangeMayOrMayNotBeSaved() async throws {
        let fixture = try ServerFixture()
        let sessions = FailingSessions(fixture.environment.sessions)
        let base = fixture.environment
        let environment = ServerEnvironment(
            workspace: base.workspace, workspaceRoot: base.workspaceRoot, store: base.store, users: base.users,
            sessions: sessions, media: base.media, now: base.now)
        let (token, _) = try sessions.open(for: ServerFixture.france, now: ServerFixture.start)
        sessions.failure = StoreFailure(kind: .outcomeUnknown, description: "PostgreSQL error connection: the server closed")
        let app = Application(router: ApprovalServer.router(environment), logger: CapturedLog().logger())
        try await app.test(.router) { client in
            let post = try await client.execute(
                uri: Self.variantPath + "/approve", method: .post, headers: Self.headers(token, form: true),
                body: ByteBuffer(string: "csrf=x"))
            #expect(post.status == .serviceUnavailable)
            let body = String(buffer: post.body)
            #expect(body.contains("may or may not have been recorded"))
            #expect(!body.contains("Your change was not saved."))
        }
    }
}
