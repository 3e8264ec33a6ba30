import Foundation
import GlocalCore
import GlocalPostgres
import GlocalStore
import Testing

/// Issue #16: the commands of a team on one store, end to end through the real binary: `glocal apply`, then
/// `glocal approve`, then `glocal run` nodes (web UI, dispatcher, notifier and token keeper in one process, each
/// with its `--node-id`) publishing the approved posts to a real sandbox, each exactly once; each node's `/healthz`
/// and `/metrics` name it, and `glocal audit` names the node that wrote each of the dispatcher's events.
@Suite(.serialized)
struct RunNodesTests {
    static let networks: [Network] = [.x, .mastodon, .bluesky]

    /// What the test reads back from the store the commands wrote.
    struct StoreView {
        var queue: any PublishJobQueue
        var variant: (String) throws -> StoredVariant?
        /// The nodes named in the dispatcher's audit events, as the store holds them.
        var auditedNodes: () throws -> Set<String>
    }

    @Test(.enabled(if: PostgresTestEnvironment.enabled, "no PostgreSQL server (GLOCAL_TEST_POSTGRES_URL)"))
    func onPostgreSQLTwoRunNodesPublishWhatApplyAndApproveWroteEachOnce() async throws {
        let server = try PostgresTestEnvironment.url()
        let schema = "runnodes_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
        let workspace = try RunNodesWorkspace(networks: Self.networks, perNetwork: 2, database: url)
        defer { workspace.harness.tearDown() }
        let pending = try workspace.applyAndConnect()
        let store = try PostgresStore(location: try PostgresLocation(url: server).inSchema(schema), poolSize: 1)
        let view = StoreView(
            queue: store.publishQueue, variant: store.variant,
            auditedNodes: { Set(try store.auditEvents(variant: nil).compactMap(\.node)) })
        let audited = try await Self.publish(
            approving: { try workspace.approve(pending) }, through: ["node-a", "node-b"], of: workspace, view: view,
            answerDelay: 2)
        // Both nodes are up and waiting when the posts are approved, each sends two at a time, and the sandbox takes 2 s
        // to answer each: the node that claims first is busy long enough for the other to claim too, however loaded
        // the runner. Both publish, and the audit says so.
        #expect(audited == ["node-a", "node-b"], "audited nodes: \(audited)")
    }

    @Test func onSQLiteOneRunNodePublishesWhatApplyAndApproveWroteEachOnce() async throws {
        let workspace = try RunNodesWorkspace(networks: Self.networks, perNetwork: 1, database: nil)
        defer { workspace.harness.tearDown() }
        let pending = try workspace.applyAndConnect()
        let store = try SQLiteVariantStore(path: workspace.database)
        let view = StoreView(
            queue: store.publishQueue, variant: store.variant,
            auditedNodes: { Set(try store.auditEvents(variant: nil).compactMap(\.node)) })
        let audited = try await Self.publish(
            approving: { try workspace.approve(pending) }, through: ["solo"], of: workspace, view: view)
        #expect(audited == ["solo"])
    }

    @Test func aNodeIDThatWouldNotReadAsOneWordIsAUsageError() throws {
        for (command, id) in [("run", "node a"), ("dispatch", ""), ("run", "node\u{7}")] {
            let (status, _, error) = try GlocalProcess.run(
                [command, "--node-id", id], in: FileManager.default.temporaryDirectory)
            #expect(status == 2, "\(command) --node-id '\(id)': \(status)")
            #expect(error.contains("--node-id must be 1 to 200 characters without spaces or control characters"), "\(error)")
        }
    }

    @Test func serveTakesAPostgreSQLURLFromTheEnvironmentBeforeGLOCAL_DATABASEAndNeverPrintsItsPassword() throws {
        let workspace = try RunNodesWorkspace(networks: [.mastodon], perNetwork: 1, database: nil)
        defer { workspace.harness.tearDown() }
        var environment = workspace.environment
        environment["GLOCAL_DATABASE"] = workspace.harness.database
        // Port 1 on the loopback: nothing listens, so the server must refuse to start, naming the URL it chose.
        environment["GLOCAL_DATABASE_URL"] = "postgres://glocal:s3cret@127.0.0.1:1/glocal"
        let process = try GlocalProcess.start(
            ["serve", "--port", "0"], in: workspace.harness.root, environment: environment, output: .null)
        // Bounded: a serve that opened the SQLite file instead would keep serving.
        let started = Date()
        while process.isRunning, Date().timeIntervalSince(started) < 60 { usleep(20_000) }
        if process.isRunning {
            process.kill(SIGKILL)
            Issue.record("glocal serve started instead of refusing the PostgreSQL URL it was given")
        }
        process.wait()
        let printed = process.standardError
        #expect(process.terminationStatus == 2)
        #expect(printed.contains("cannot open the store postgres://glocal@127.0.0.1:1/glocal"), "\(printed)")
        #expect(!printed.contains("s3cret"))
        #expect(!FileManager.default.fileExists(atPath: workspace.harness.database))
    }

    /// Starts a sandbox and one `glocal run` per name, waits until each node's `/healthz` names it and says it is
    /// healthy (a round ran), then runs `approving` (which returns the approved ids) and waits until every approved
    /// variant is published; checks each went out once and each node's `/metrics` names it, then stops the nodes
    /// gracefully. Returns the nodes the audit names. `answerDelay`: seconds the sandbox takes to answer each post.
    static func publish(
        approving: () throws -> [String], through names: [String], of workspace: RunNodesWorkspace, view: StoreView,
        answerDelay: Double? = nil
    ) async throws -> Set<String> {
        try workspace.harness.startSandbox()
        if let answerDelay {
            // The sandbox's `slow` fault: the post is stored, then answered after the delay (well within the client's
            // 30 s timeout, so each post simply takes that long to go out).
            let faults = networks.map {
                #"{"network": "\#($0.rawValue)", "kind": "slow", "count": 100, "seconds": \#(answerDelay)}"#
            }
            try await workspace.harness.admin("POST", "faults", json: "[\(faults.joined(separator: ","))]")
        }
        let (log, logURL) = try nodesLog(workspace.harness, "run-nodes.log")
        let nodes = try names.map { try workspace.startNode($0, log: log) }
        defer {
            for node in nodes where node.isRunning {
                node.kill(SIGKILL)
                node.wait()
            }
        }
        let printed = { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }
        var bases: [String: String] = [:]
        for name in names {
            // Bounded: a node answers within seconds; the bound only ends a run whose node never came up.
            var healthy = false
            for _ in 0..<600 where !healthy {
                if let base = await RunNodesWorkspace.baseURL(of: name, in: logURL) {
                    bases[name] = base
                    healthy = (try? await RunNodesWorkspace.healthJSON(base))?["healthy"] as? Bool == true
                }
                if !healthy { try await Task.sleep(for: .milliseconds(100)) }
            }
            try #require(healthy, "node \(name) never answered /healthz healthy with its id:\n\(printed().suffix(3_000))")
        }
        let approved = try approving()
        // Bounded: the nodes publish a handful of posts in seconds; the bound only ends a run whose nodes stopped.
        let started = Date()
        while try (view.queue.countsByState()[.completed] ?? 0) < approved.count, Date().timeIntervalSince(started) < 120,
            nodes.allSatisfy(\.isRunning)
        {
            try await Task.sleep(for: .milliseconds(200))
        }
        let counts = try view.queue.countsByState()
        #expect(counts == [.completed: approved.count], "\(counts)\n\(printed().suffix(3_000))")
        var receipts = Set<String>()
        for id in approved {
            #expect(try view.variant(id)?.state == .published, "\(id)")
            if let receipt = try view.queue.publication(of: id) { receipts.insert(receipt.remoteID) }
        }
        #expect(receipts.count == approved.count, "receipts missing or shared")
        let posts = try await workspace.harness.sandboxPosts().filter { $0["kind"] as? String == "post" }
        let texts = posts.compactMap { $0["text"] as? String }
        #expect(posts.count == approved.count && Set(texts).count == texts.count, "the sandbox holds \(texts)")
        var publishedByMetrics = 0
        for name in names {
            let url = try #require(bases[name])
            let health = try #require(try await RunNodesWorkspace.healthJSON(url))
            #expect(health["node"] as? String == name && health["healthy"] as? Bool == true, "\(health)")
            let metrics = try await RunNodesWorkspace.metrics(url)
            #expect(metrics.contains("glocal_node_info{node=\"\(name)\"} 1\n"))
            publishedByMetrics += metrics.split(separator: "\n")
                .filter { $0.hasPrefix("glocal_publish_outcomes_total{") && $0.contains("outcome=\"published\"}") }
                .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
        }
        // Each node counts every post it published, as soon as its outcome is written.
        #expect(publishedByMetrics == approved.count, "the nodes' /metrics count \(publishedByMetrics) published")
        let audited = try view.auditedNodes()
        #expect(
            try auditNodes(of: workspace, published: approved.count) == audited, "glocal audit names the nodes the store recorded"
        )
        for node in nodes {
            node.terminate()
            node.wait()
            #expect(node.terminationStatus == 0, "a node did not stop gracefully:\n\(printed().suffix(3_000))")
        }
        return audited
    }

    /// The nodes `glocal audit` names: in its JSON (`"node"`) and, for each, in its text (`dispatcher on NODE`), where each
    /// of the `published` posts is a `publishing -> published` line naming the node that sent it.
    static func auditNodes(of workspace: RunNodesWorkspace, published: Int) throws -> Set<String> {
        let (status, json, error) = try workspace.glocal(["audit", "--format", "json"])
        #expect(status == 0, "\(error)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let nodes = Set(entries.compactMap { $0["node"] as? String })
        let text = try workspace.glocal(["audit"]).output
        for node in nodes { #expect(text.contains("  dispatcher on \(node)  set_state  "), "\(node) in:\n\(text.suffix(2_000))") }
        let publications = text.split(separator: "\n").filter { $0.hasSuffix("publishing -> published") }
        #expect(publications.count == published, "\(text.suffix(2_000))")
        #expect(
            publications.allSatisfy { line in nodes.contains { line.contains("  dispatcher on \($0)  set_state  ") } },
            "each publication names its node")
        return nodes
    }
}
