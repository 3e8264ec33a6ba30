import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// A token the network refused shows on the audit page as the dispatcher's `needs_reconnect` event,
/// with the refusal, to the account's team only.
struct NeedsReconnectAuditRoutesTests {
    @Test func theDispatchersHoldShowsOnTheAuditPageOfTheAccountsTeam() async throws {
        var approved = ServerFixture.frX
        approved.state = .approved
        let fixture = try ServerFixture(variants: [approved, ServerFixture.ukX])
        let queue = fixture.store.publishQueue
        let slot = try #require(approved.scheduledAt)
        try queue.sync(now: ServerFixture.start, grace: 900)
        let job = try #require(try queue.claim(worker: "host-42", now: slot, lease: 60, limit: 1).first)
        _ = try queue.begin(job, worker: "host-42", now: slot)
        try queue.finish(job, worker: "host-42", resolution: .hold(reason: "token expired; refresh refused: HTTP 401"), now: slot)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let rows = AuditAndProgressRoutesTests.accountRows(in: try await france.get("/audit").body)
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(row.contains("<td>needs_reconnect</td>") && row.contains("→ needs reconnect"))
            #expect(row.contains("<td>dispatcher") && row.contains("lumiere-fr-x"), "\(row)")
            #expect(row.contains("Reason: token expired; refresh refused: HTTP 401"))
            #expect(row.contains("2026-12-01 08:00 UTC"))

            var uk = BrowserSession(client: client)
            _ = try await uk.login(ServerFixture.uk, password: ServerFixture.password)
            #expect(AuditAndProgressRoutesTests.accountRows(in: try await uk.get("/audit").body).isEmpty)
        }
    }
}
