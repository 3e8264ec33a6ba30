import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import GlocalTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue #16: what a person using the web UI of a `glocal run` node meets while the PostgreSQL server is stopped, over
/// real HTTP on loopback. Pages, forms and `/media` answer a short 503 with `Retry-After` (no SQL, no password); a form
/// sent then says it was not saved and nothing of it is in the store; `/metrics` still answers, with the store's gauge
/// at 0; `/healthz` says 503; the log stays one JSON object per line; and everything recovers by itself.
@Suite(.serialized, .enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
struct WebUIDatabaseOutageTests {
    static let email = "claire@nodes.example"
    static let password = "s3cret-login-password"
    static let databasePassword = "s3cret-db-password"

    @Test func pagesFormsMetricsAndMediaAnswer503WhileTheDatabaseIsDownThenRecover() async throws {
        // A server of its own: stopping the shared one would break the tests running beside this one.
        let server = try PrivatePostgresServer()
        defer { server.stop() }
        let schema = "outage_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // The test server trusts local connections: the password is never checked, only carried, so it must never show.
        let withPassword = server.url.replacing(#/:\/\/(?<user>[^:@\/]+)@/#) { "://\($0.output.user):\(Self.databasePassword)@" }
        let url = withPassword + (withPassword.contains("?") ? "&" : "?") + "schema=\(schema)"
        let workspace = try RunNodesWorkspace(networks: [.mastodon], perNetwork: 1, database: url)
        defer { workspace.harness.tearDown() }
        let applied = try workspace.glocal(["apply", "--now", RunNodesWorkspace.planned])
        try #require(applied.status == 0, "apply: \(applied.error)")
        let added = try workspace.glocal(
            ["user", "add", Self.email, "--role", "admin", "--password-stdin"], input: Self.password + "\n")
        try #require(added.status == 0, "user add: \(added.error)")
        let store = try PostgresStore(location: try PostgresLocation(url: server.url).inSchema(schema), poolSize: 1)
        // The node runs on the planning day (`--now`), before the approval deadline, and so does the session.
        let planned = try Date(RunNodesWorkspace.planned, strategy: .iso8601)
        let (token, session) = try store.sessions.open(for: Self.email, now: planned)
        let variantID = "nodes/first/\(workspace.harness.accounts[0].id)"
        let revision = try #require(try store.variant(variantID)).contentHash
        try workspace.harness.startSandbox()

        let (node, output, errors) = try Self.startNode(workspace)
        defer {
            if node.isRunning {
                node.kill(SIGKILL)
                node.wait()
            }
        }
        let base = try await Self.baseURL(printed: output, node: node)
        let client = LoopbackClient(base: base, cookie: "glocal_session=\(token)")
        let variantPath = "/variants/\(variantID)"
        let approveForm = "csrf=\(session.csrfToken)&revision=\(revision)"
        #expect(try await client.get(variantPath).status == 200)
        #expect(try await client.get("/metrics", signedIn: false).body.contains("glocal_store_reachable 1"))

        try server.run("halt")
        var answers: [(String, LoopbackClient.Answer)] = []
        for path in ["/", variantPath, "/calendar", "/accounts", "/media/clips/any.mp4"] {
            answers.append(("GET \(path)", try await client.get(path)))
        }
        let approve = try await client.post(variantPath + "/approve", form: approveForm)
        answers.append(("POST approve", approve))
        for (what, answer) in answers {
            #expect(answer.status == 503, "\(what): \(answer.status) \(answer.body.prefix(300))")
            #expect(answer.headers["retry-after"] == "5", "\(what)")
            #expect(answer.body.contains("The database is not reachable; try again in a moment."), "\(what)")
            for leak in [Self.databasePassword, "SELECT", "PostgreSQL error", "cannot connect", schema, token] {
                #expect(!answer.body.contains(leak), "\(what) shows \(leak)")
            }
        }
        #expect(approve.body.contains("Your change was not saved."))
        // The page's stylesheet still loads: it needs no session.
        let stylesheet = try await client.get("/static/app.css")
        #expect(stylesheet.status == 200 && stylesheet.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(!answers[0].1.body.contains("Your change was not saved."))
        // Scrapers and probes come without a session: they never touch the store's sessions.
        let metrics = try await client.get("/metrics", signedIn: false)
        #expect(metrics.status == 200 && metrics.body.contains("glocal_store_reachable 0"), "\(metrics.body.suffix(300))")
        // The queue depth is unknown, so left out: not every state at 0, which reads as a queue that emptied.
        #expect(!metrics.body.contains("glocal_jobs{"), "\(metrics.body.prefix(400))")
        // The dispatcher's round fails on the stopped server too: /healthz says so (polled; bounded).
        var health = try await client.get("/healthz", signedIn: false)
        for _ in 0..<150 where health.status != 503 {
            try await Task.sleep(for: .milliseconds(200))
            health = try await client.get("/healthz", signedIn: false)
        }
        #expect(health.status == 503, "\(health.body)")
        // It names the failure's kind only: the database's error text (and its address) is the log's, not the page's.
        #expect(health.body.contains("store unavailable (the log has the error)"), "\(health.body)")
        #expect(!health.body.contains("PostgreSQL error") && !health.body.contains("127.0.0.1"), "\(health.body)")
        let failedRound = Date().addingTimeInterval(30)
        // Until a round found the server gone (one during its shutdown fails with 57P01 or 57P03 instead).
        while !Self.text(errors).split(separator: "\n").contains(where: {
            $0.contains("dispatch round failed, trying again") && $0.contains("cannot connect to 127.0.0.1")
        }), Date() < failedRound {
            try await Task.sleep(for: .milliseconds(100))
        }

        try server.run("resume")
        var page = try await client.get(variantPath)
        for _ in 0..<300 where page.status != 200 {
            try await Task.sleep(for: .milliseconds(200))
            page = try await client.get(variantPath)
        }
        #expect(page.status == 200, "the web UI did not recover: \(page.status)")
        // The approval sent during the outage left nothing behind; sent again, it is recorded once.
        #expect(try store.variant(variantID)?.state == .pendingApproval)
        #expect(try store.auditEvents(variant: variantID).filter { $0.action == .approve }.isEmpty)
        let again = try await client.post(variantPath + "/approve", form: approveForm)
        #expect(again.status == 303, "\(again.status) \(again.body.prefix(300))")
        // Recorded once; the node's next round may already have queued it (approved, then scheduled).
        #expect([.approved, .scheduled].contains(try store.variant(variantID)?.state))
        #expect(try store.auditEvents(variant: variantID).filter { $0.action == .approve }.count == 1)
        #expect(try await client.get("/metrics", signedIn: false).body.contains("glocal_store_reachable 1"))
        node.terminate()
        node.wait()

        // Standard error is the service's log: one JSON object per line, the failed rounds and refused requests included.
        let lines = Self.text(errors).split(separator: "\n").map(String.init)
        let objects = lines.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.allSatisfy { $0 != nil }, "not JSON: \(zip(lines, objects).filter { $0.1 == nil }.map(\.0))")
        let rounds = objects.compactMap { $0 }.filter { $0["message"] as? String == "dispatch round failed, trying again" }
        #expect(!rounds.isEmpty, "\(lines.suffix(20))")
        // A round meets the server shutting down (57P01, 57P03, a connection closed under it), then gone.
        let outageReasons = [
            "cannot connect to 127.0.0.1", "PostgreSQL error 57P01: ", "PostgreSQL error 57P03: ",
            "the connection to PostgreSQL was lost",
        ]
        for round in rounds {
            let fields = round["fields"] as? [String: Any] ?? [:]
            #expect(round["level"] as? String == "warning")
            #expect(fields["node"] as? String == "web-a")
            let error = fields["error"] as? String ?? ""
            #expect(outageReasons.contains { error.contains($0) } && !error.contains("\n"), "\(fields)")
        }
        let reasons = rounds.compactMap { ($0["fields"] as? [String: Any])?["error"] as? String }
        #expect(reasons.contains { $0.contains("cannot connect to 127.0.0.1") }, "no round found the server gone: \(reasons)")
        let refused = objects.compactMap { $0 }.filter { ($0["message"] as? String)?.hasPrefix("store unreachable: ") == true }
        #expect(refused.count >= answers.count, "\(lines.suffix(20))")
        #expect(refused.allSatisfy { ($0["fields"] as? [String: Any])?["node"] as? String == "web-a" })
        let everything = Self.text(errors) + Self.text(output)
        #expect(!everything.contains(Self.databasePassword))
        #expect(!everything.contains(token) && !everything.contains(session.csrfToken))
    }

    /// Starts `glocal run` as node `web-a` with JSON logs, its standard output and error in two files.
    static func startNode(_ workspace: RunNodesWorkspace) throws -> (ChildProcess, URL, URL) {
        let output = workspace.harness.root.appendingPathComponent("node.out")
        let errors = workspace.harness.root.appendingPathComponent("node.err")
        for file in [output, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let outputFile = try FileHandle(forWritingTo: output)
        let errorsFile = try FileHandle(forWritingTo: errors)
        defer {
            try? outputFile.close()
            try? errorsFile.close()
        }
        let process = try GlocalProcess.start(
            [
                "run", "--database", workspace.database, "--node-id", "web-a", "--sandbox",
                workspace.harness.sandboxURL!.absoluteString, "--port", "0", "--workers", "1", "--log-format", "json",
                "--now", RunNodesWorkspace.planned,
            ], in: workspace.harness.root, environment: workspace.environment,
            output: .descriptor(outputFile.fileDescriptor), error: .descriptor(errorsFile.fileDescriptor))
        return (process, output, errors)
    }

    /// The approval UI's address once the node prints it and its first round is done (`/healthz` 200); bounded.
    static func baseURL(printed output: URL, node: ChildProcess) async throws -> URL {
        for _ in 0..<600 where node.isRunning {
            if let match = text(output).firstMatch(of: /approval UI on (http:\/\/127\.0\.0\.1:\d+)\//),
                let base = URL(string: String(match.1)),
                let (_, response) = try? await URLSession.shared.data(from: base.appendingPathComponent("healthz")),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return base
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw NodeNotReady(printed: text(output))
    }

    struct NodeNotReady: Error, CustomStringConvertible {
        let printed: String
        var description: String { "glocal run did not become ready:\n\(printed)" }
    }

    static func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
}
