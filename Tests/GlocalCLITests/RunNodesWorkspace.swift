import Foundation
import GlocalCore
import GlocalStore
import GlocalTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The commands a team runs, through the real binary, on one store: `glocal apply`, `glocal pending` and
/// `glocal approve`, then `glocal run` nodes against a real sandbox. The workspace is the dispatch harness's
/// (accounts the sandbox knows) with one campaign whose posts need approval.
final class RunNodesWorkspace: @unchecked Sendable {
    let harness: DispatchHarness
    /// The `--database` every command is given: a SQLite file or a `postgres://` URL.
    let database: String
    /// The key every command seals and opens the credentials with (`GLOCAL_SECRET_KEY`).
    static let key = Data(repeating: 9, count: 32)
    /// When the plan is made and approved.
    static let planned = "2026-11-21T09:00:00Z"
    /// The nodes' shifted clock: after every slot of the campaign (1 and 2 December), well within `grace`.
    static let running = "2026-12-04T09:00:00Z"

    /// A workspace with `perNetwork` accounts on each of `networks`, and its store at `database` (nil: a SQLite file).
    init(networks: [Network], perNetwork: Int, database: String?) throws {
        harness = try DispatchHarness(networks: networks, perNetwork: perNetwork)
        self.database = database ?? harness.database
        let root = harness.root
        try "workspace: nodes\nbrand: Nodes\ndefault_locale: en\npolicy:\n  approval: required\n".write(
            to: root.appendingPathComponent("glocal.yaml"), atomically: true, encoding: .utf8)
        try """
        locale: en
        name: English
        timezone: UTC
        strings:
          nodes.first: "First note from {handle}, sent by one node of two."
          nodes.second: "Second note from {handle}, sent by one node of two."

        """.write(to: root.appendingPathComponent("locales/en.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try """
        campaign: nodes
        kind: informative
        window: {start: 2026-12-01, end: 2026-12-03}
        posts:
          - id: first
            day: 1
            text: nodes.first
          - id: second
            day: 2
            text: nodes.second

        """.write(to: root.appendingPathComponent("campaigns/nodes.yaml"), atomically: true, encoding: .utf8)
    }

    /// The environment of every command: the shared key, and no store named by the environment.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GLOCAL_SECRET_KEY"] = Self.key.base64EncodedString()
        environment["GLOCAL_DATABASE"] = nil
        environment["GLOCAL_DATABASE_URL"] = nil
        return environment
    }

    /// Runs `glocal ARGUMENTS --database DATABASE` in the workspace (`store`: another database) and waits for it.
    func glocal(_ arguments: [String], input: String? = nil, store: String? = nil) throws -> (
        status: Int32, output: String, error: String
    ) {
        try GlocalProcess.run(
            arguments + ["--database", store ?? database], in: harness.root, environment: environment, input: input)
    }

    /// `glocal apply`, every account connected with `glocal account connect`, then every pending variant approved
    /// with `glocal approve ID@REVISION` as `glocal pending` prints them; returns the approved ids.
    func applyConnectAndApprove() throws -> [String] {
        try approve(try applyAndConnect())
    }

    /// `glocal apply` and every account connected with `glocal account connect`; returns the pending variants as
    /// `glocal pending` prints them (`ID@REVISION`).
    func applyAndConnect() throws -> [String] {
        let applied = try glocal(["apply", "--now", Self.planned])
        try #require(applied.status == 0, "apply: \(applied.output)\(applied.error)")
        #expect(!applied.output.contains("s3cret") && !applied.error.contains("s3cret"))
        for account in harness.accounts {
            let connected = try glocal(["account", "connect", account.id], input: account.credentials)
            try #require(connected.status == 0, "account connect \(account.id): \(connected.error)")
        }
        let pending = try glocal(["pending", "--now", Self.planned])
        try #require(pending.status == 0, "pending: \(pending.error)")
        let named = pending.output.matches(of: #/(?m)^(\S+@\S+)  slot /#).map { String($0.1) }
        try #require(named.count == 2 * harness.accounts.count, "pending printed:\n\(pending.output)")
        return named
    }

    /// `glocal approve` on `named` (`ID@REVISION`); returns the approved ids.
    func approve(_ named: [String]) throws -> [String] {
        let approved = try glocal(["approve"] + named + ["--now", Self.planned])
        try #require(approved.status == 0, "approve: \(approved.error)")
        #expect(approved.output.split(separator: "\n").count == named.count)
        return named.map { String($0.prefix { $0 != "@" }) }
    }

    /// Starts `glocal run` as node `name` on any free port against the sandbox; its output goes to `log`.
    func startNode(_ name: String, log: FileHandle) throws -> ChildProcess {
        try GlocalProcess.start(
            [
                "run", "--database", database, "--node-id", name, "--sandbox", harness.sandboxURL!.absoluteString,
                "--port", "0", "--now", Self.running, "--grace", "864000", "--workers", "2",
            ], in: harness.root, environment: environment, output: .descriptor(log.fileDescriptor), error: .sameAsOutput)
    }

    /// The base URL of node `name`: of the approval UIs the nodes printed in `log`, the one whose `/healthz` names it.
    static func baseURL(of name: String, in log: URL) async -> String? {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        for match in text.matches(of: /approval UI on (http:\/\/127\.0\.0\.1:\d+)\//) {
            let base = String(match.1)
            if (try? await healthJSON(base))?["node"] as? String == name { return base }
        }
        return nil
    }

    /// `/healthz?format=json` of the server at `base` (its JSON answers 503 too, before the first round).
    static func healthJSON(_ base: String) async throws -> [String: Any]? {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/healthz?format=json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// `/metrics` of the server at `base`.
    static func metrics(_ base: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/metrics")))
        return String(decoding: data, as: UTF8.self)
    }
}
