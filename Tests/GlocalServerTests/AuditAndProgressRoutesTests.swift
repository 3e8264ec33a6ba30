import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// The audit page shows pauses, resumes, the global crisis pause and slot moves with who, when and
/// why; the accounts page shows every account paused during a crisis; both campaign pages count
/// approvals the same way.
struct AuditAndProgressRoutesTests {
    /// The account event rows of the audit page.
    static func accountRows(in body: String) -> [String] {
        body.components(separatedBy: "<tr class=\"account-event\"").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
    }

    @Test func aPauseAndResumeFromThePageAppearInTheAuditLogWithWhoAndWhen() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            _ = try await france.post("/accounts/lumiere-fr-x/pause", form: [("csrf", csrf)])
            fixture.clock.advance(60)
            _ = try await france.post("/accounts/lumiere-fr-x/resume", form: [("csrf", csrf)])
            let rows = Self.accountRows(in: try await france.get("/audit").body)
            #expect(rows.count == 2)
            #expect(rows.first?.contains("<td>resume</td>") == true && rows.last?.contains("<td>pause</td>") == true)
            #expect(rows.allSatisfy { $0.contains(ServerFixture.france) && $0.contains("lumiere-fr-x") })
            #expect(rows.last?.contains("2026-11-21 09:00 UTC") == true)
            #expect(rows.first?.contains("2026-11-21 09:01 UTC") == true)
        }
        let stored = try fixture.store.accountAuditEvents()
        #expect(stored.map(\.action) == [.pause, .resume] && stored.allSatisfy { $0.actor == ServerFixture.france })
    }

    @Test func theCrisisPauseAndItsLiftingAreAuditedWithTheReasonAndSeenByEveryone() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setPaused(true, account: "lumiere-uk-x", actor: ServerFixture.uk, now: ServerFixture.start)
        try await fixture.test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let csrf = try #require(try await admin.get("/accounts").csrf)
            let paused = try await admin.post("/accounts/pause-all", form: [("csrf", csrf), ("reason", "Product recall")])
            #expect(paused.status == .seeOther)
            let lifted = try await admin.post("/accounts/resume-all", form: [("csrf", csrf)])
            #expect(lifted.status == .seeOther)
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let rows = Self.accountRows(in: try await france.get("/audit").body)
            // The manager sees the global events, not the other team's pause.
            #expect(rows.count == 2)
            #expect(rows[0].contains("resume_all") && rows[0].contains(ServerFixture.admin) && rows[0].contains("every account"))
            #expect(rows[1].contains("pause_all") && rows[1].contains("Reason: Product recall"))
            #expect(!rows.joined().contains("lumiere-uk-x"))
        }
        let stored = try fixture.store.accountAuditEvents()
        #expect(stored.map(\.action) == [.pause, .pauseAll, .resumeAll])
        #expect(stored[1].reason == "Product recall" && stored[1].actor == ServerFixture.admin)
    }

    @Test func aRefusedCrisisPauseIsNotAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            #expect(try await france.post("/accounts/pause-all", form: [("csrf", csrf), ("reason", "x")]).status == .forbidden)
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let adminCSRF = try #require(try await admin.get("/accounts").csrf)
            let empty = try await admin.post("/accounts/pause-all", form: [("csrf", adminCSRF), ("reason", " ")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("id=\"reason-error\""))
        }
        #expect(try fixture.store.accountAuditEvents().isEmpty)
    }

    @Test func duringACrisisPauseEveryAccountShowsAsPausedAndNoneAsOK() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setGlobalPause(true, reason: "recall", actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts").body
            let french = ServerFixture.workspace.accounts.map(\.id.value).filter { $0.hasPrefix("lumiere-fr") }
            #expect(!french.isEmpty)
            for account in french {
                let row = try #require(AccountHoldsRoutesTests.row(account, in: page))
                #expect(row.contains("hold-paused\">Paused</span> by the <a href=\"#crisis\">global crisis pause"), "\(account)")
                #expect(!row.contains("hold-ok"), "\(account)")
            }
            #expect(page.contains("\(french.count) paused"))
        }
        try fixture.store.publishQueue.setGlobalPause(false, reason: nil, actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let row = AccountHoldsRoutesTests.row("lumiere-fr-x", in: try await france.get("/accounts").body)
            #expect(row?.contains("hold-ok\">OK") == true && row?.contains("global crisis pause") == false)
        }
    }

    @Test func anAccountPausedOnItsOwnSaysSoDuringACrisis() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setPaused(true, account: "lumiere-fr-x", actor: "test", now: ServerFixture.start)
        try fixture.store.publishQueue.setGlobalPause(true, reason: "recall", actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let row = try #require(AccountHoldsRoutesTests.row("lumiere-fr-x", in: try await france.get("/accounts").body))
            #expect(row.contains("stays paused when the global pause lifts"))
            #expect(row.contains("/accounts/lumiere-fr-x/resume"))
        }
    }

    @Test func theCampaignsListAndTheCampaignPageCountApprovalsTheSameWay() async throws {
        let fixture = try ServerFixture()
        let store = fixture.store
        for state in [VariantState.approved, .scheduled] {
            try store.setState(ServerFixture.frX.id, to: state, actor: "test", now: ServerFixture.start)
        }
        for state in [VariantState.approved, .scheduled, .publishing, .published] {
            try store.setState(ServerFixture.frFacebook.id, to: state, actor: "test", now: ServerFixture.start)
        }
        try await fixture.test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let list = try await admin.get("/campaigns").body
            let row = try #require(list.components(separatedBy: "<tr id=\"campaign-hydra-launch\">").dropFirst().first)
            #expect(row.contains("<td class=\"progress\">2 / 3</td>"))
            let page = try await admin.get("/campaigns/hydra-launch").body
            #expect(page.contains("<strong class=\"progress\">2 of 3</strong>\nvariants approved"))
            #expect(list.contains("id=\"approved-definition\"") && page.contains("id=\"approved-definition\""))
        }
    }

    /// `apply` moving a slot is an `update` event: the audit page shows the move with who and when.
    @Test func aSlotMovedByApplyShowsItsOldAndNewSlot() async throws {
        let fixture = try ServerFixture()
        var moved = ServerFixture.frX
        moved.scheduledAt = try Date("2026-12-02T08:00:00Z", strategy: .iso8601)
        moved.localTime = "2026-12-02 09:00"
        try fixture.store.apply(
            Plan(changes: [
                PlanChange(
                    action: .update, id: moved.id, desired: moved, stored: ServerFixture.frX, contentChanged: false,
                    timeChanged: true)
            ]), actor: "apply:ops", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let body = try await france.get("/audit").body
            #expect(body.contains("Slot: 2026-12-01 09:00 (Europe/Paris) → 2026-12-02 09:00 (Europe/Paris)"))
            #expect(body.contains("apply:ops"))
        }
    }
}
