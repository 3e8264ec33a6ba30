import Foundation
import GlocalCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GlocalStore

/// The web UI names the dispatcher node that wrote an event (`glocal run --node-id`): on the audit page and in a
/// variant's history, after the actor; a person's events name none.
struct AuditNodeRoutesTests {
    @Test func theAuditPageAndTheHistoryNameTheDispatchersNode() async throws {
        var approved = ServerFixture.frX
        approved.state = .approved
        let fixture = try ServerFixture(variants: [approved, ServerFixture.ukX])
        let queue = PublishQueue(writer: fixture.store.writer, nodeID: "node-a")
        let slot = try #require(approved.scheduledAt)
        try queue.sync(now: ServerFixture.start, grace: 900)
        let job = try #require(try queue.claim(worker: "host-42", now: slot, lease: 60, limit: 1).first)
        _ = try queue.begin(job, worker: "host-42", now: slot)
        try queue.finish(job, worker: "host-42", resolution: .hold(reason: "token revoked"), now: slot)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let audit = try await france.get("/audit").body
            let account = try #require(AuditAndProgressRoutesTests.accountRows(in: audit).first)
            // The hold is the dispatcher's, as every automatic event is, with its node; the worker is not an actor.
            #expect(account.contains("<td>dispatcher <span class=\"node\">on node-a</span></td>"), "\(account)")
            #expect(!account.contains("host-42"), "\(account)")
            #expect(audit.components(separatedBy: "<td>dispatcher <span class=\"node\">on node-a</span></td>").count == 5)
            let history = try await france.get(ApprovalRoutesTests.frXPath).body
            #expect(history.components(separatedBy: "<td>dispatcher <span class=\"node\">on node-a</span></td>").count == 4)
            #expect(history.components(separatedBy: "<span class=\"node\">").count == 4, "the create names no node")
        }
    }
}
