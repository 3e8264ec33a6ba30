import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// A real `glocal serve` is stopped between the manager's Connect and the network's redirect, and another started on
/// the same store: the new process finishes the sign-in the old one started (its state and PKCE verifier were kept in
/// the store, sealed), seals the tokens and audits the connection as the manager.
struct ConnectAcrossServerRestartTests {
    /// A few requests with a cookie jar, to whichever server is running at `base`.
    struct Visitor {
        var base: String
        var cookies: [String: String] = [:]
        let transport = URLSessionTransport(timeout: 60)

        mutating func send(_ path: String, form: [(String, String)]? = nil) async throws -> HTTPResponse {
            var headers: [String: String] = [:]
            if !cookies.isEmpty { headers["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            var body: Data?
            if let form {
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                body = Data(
                    form.map { "\(BrowserSession.encode($0.0))=\(BrowserSession.encode($0.1))" }.joined(separator: "&").utf8)
            }
            let url = try #require(URL(string: base + path))
            let response = try await transport.send(
                HTTPRequest(method: form == nil ? "GET" : "POST", url: url, headers: headers, body: body ?? Data()))
            // Several cookies may arrive folded into one header, separated by commas (none in their values here).
            for (name, folded) in response.headers where name.lowercased() == "set-cookie" {
                for value in folded.split(separator: /,\s*(?=[A-Za-z0-9_\-]+=)/) {
                    let pair = value.split(separator: ";")[0].split(
                        separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let name = pair[0].trimmingCharacters(in: .whitespaces)
                    cookies[name] = pair.count > 1 && !pair[1].isEmpty && !value.contains("Max-Age=0") ? String(pair[1]) : nil
                }
            }
            return response
        }

        static func csrf(_ response: HTTPResponse) -> String? {
            let body = String(decoding: response.body, as: UTF8.self)
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test(.timeLimit(.minutes(4))) func aServerRestartedBetweenConnectAndTheCallbackFinishesTheSignIn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("glocal.sqlite").path
        let manager = "claire.martin@lumiere.example"
        try await SandboxServer(state: SandboxState(now: ServerFixture.start)).withRunning { sandbox in
            let common = [
                "--workspace", ServerFixture.root.path, "--database", database, "--now", "2026-11-21T09:00:00Z",
                "--oauth-sandbox", sandbox.absoluteString,
            ]
            let first = try ServedProcess(arguments: ["--demo"] + common)
            defer { first.stop() }
            var visitor = Visitor(base: try await first.waitUntilReady())
            let password = try #require(first.demoPasswords[manager])
            let login = try await visitor.send("/login")
            _ = try await visitor.send(
                "/login", form: [("csrf", Visitor.csrf(login) ?? ""), ("email", manager), ("password", password)])
            let accounts = try await visitor.send("/accounts")
            let csrf = try #require(Visitor.csrf(accounts), "not signed in: \(first.printed)")
            let started = try await visitor.send("/accounts/lumiere-fr-x/connect", form: [("csrf", csrf)])
            let signIn = try #require(started.header("refresh").flatMap { URL(string: String($0.dropFirst(7))) })
            #expect(first.terminateGracefully() == 0)

            let query = try await ConnectAcrossRestartTests.approve(signIn)
            let second = try ServedProcess(arguments: common)
            defer { second.stop() }
            visitor.base = try await second.waitUntilReady()
            let finished = try await visitor.send("/connect/x/callback?\(query)")
            #expect(finished.status == 303, "\(String(decoding: finished.body, as: UTF8.self))\n\(second.printed)")
            #expect(finished.header("location") == "/accounts#account-lumiere-fr-x")
            #expect(!second.printed.contains("~access-") && !second.printed.contains("~refresh-"))
        }
        let store = try SQLiteVariantStore(path: database)
        let events = try store.accountAuditEvents().filter { $0.action == .connect }
        #expect(events.map(\.accountID) == ["lumiere-fr-x"] && events.map(\.actor) == [manager])
        let key = try SecretKey.load(forStoreAt: database, environment: ProcessInfo.processInfo.environment)
        #expect(try store.accountSecrets(key: key).secret(account: "lumiere-fr-x") != nil)
    }
}
