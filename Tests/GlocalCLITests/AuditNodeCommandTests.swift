import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal audit` names the dispatcher node that wrote an event (`glocal run --node-id` / `dispatch --node-id`), in
/// text (`dispatcher on node-a`) and JSON (`"node"`), on a SQLite store; a person's events name none.
@Suite struct AuditNodeCommandTests {
    let approval = ApprovalCommandTests()

    @Test func glocalAuditPrintsTheNodeOfTheDispatchersEvents() throws {
        let workspace = try approval.applied()
        defer { workspace.remove() }
        let frX = approval.frX
        #expect(try approval.glocal(["approve", try approval.named(frX, in: workspace)], in: workspace).0 == 0)
        // The dispatcher of node-a: queues the post, claims it at its slot and meets a refused token.
        let path = workspace.root.appendingPathComponent(".glocal/test.sqlite").path
        let queue = try SQLiteVariantStore(path: path, nodeID: "node-a").publishQueue
        try queue.sync(now: try #require(ISO8601DateFormatter().date(from: approval.now)), grace: 900)
        let slot = try #require(try queue.job(forVariant: frX)).runAt
        let job = try #require(try queue.claim(worker: "node-a/w1", now: slot, lease: 60, limit: 1).first)
        _ = try queue.begin(job, worker: "node-a/w1", now: slot, caps: { _ in [] })
        #expect(try queue.finish(job, worker: "node-a/w1", resolution: .hold(reason: "token revoked"), now: slot))

        let (status, text, error) = try approval.glocal(["audit", "--variant", frX], in: workspace)
        #expect(status == 0, "\(error)")
        #expect(error.isEmpty)
        // An id the store does not know (a typo) prints nothing, and says so.
        let typo = try approval.glocal(["audit", "--variant", frX + "x"], in: workspace)
        #expect(typo.0 == 0 && typo.1.isEmpty && typo.2 == "glocal: no variant '\(frX)x' in the store\n")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(text)")
        #expect(lines.contains { $0.hasSuffix("  approve  \(frX)  pending_approval -> approved") && !$0.contains(" on ") })
        #expect(lines.contains { $0.hasSuffix("  dispatcher on node-a  set_state  \(frX)  approved -> scheduled") })
        #expect(lines.contains { $0.hasSuffix("  dispatcher on node-a  set_state  \(frX)  scheduled -> publishing") })
        #expect(lines.contains { $0.hasSuffix("  dispatcher on node-a  set_state  \(frX)  publishing -> scheduled") })

        let (_, account, _) = try approval.glocal(["audit", "--account", "lum-fr-x"], in: workspace)
        // By the dispatcher on its node, as its variant events (it named the worker id as the actor).
        #expect(account.hasSuffix("  dispatcher on node-a  needs_reconnect  lum-fr-x  reason: token revoked\n"), "\(account)")

        let (_, json, _) = try approval.glocal(["audit", "--format", "json"], in: workspace)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let nodes = entries.filter { $0["variant"] as? String == frX || $0["account"] as? String == "lum-fr-x" }
            .map { "\($0["action"]!) \($0["node"] as? String ?? "-")" }
        #expect(
            nodes == [
                "create -", "approve -", "set_state node-a", "set_state node-a", "set_state node-a",
                "needs_reconnect node-a",
            ], "\(nodes)")
        #expect(entries.allSatisfy { $0.keys.contains("node") }, "every entry says its node, null for none")
        #expect(json.contains("\"to\":\"scheduled\",\"reason\":null,\"node\":\"node-a\",\"before\":{"))
        #expect(json.contains("\"reason\":\"token revoked\",\"cleared_hold\":null,\"node\":\"node-a\"}"))
    }
}
