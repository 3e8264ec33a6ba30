import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Pausing and resuming accounts from the UI, and the global crisis pause: scoped, CSRF-checked,
/// and through the same store calls as `glocal account pause|resume|pause-all|resume-all`.
struct AccountPauseRoutesTests {
    /// Whether `holds` holds nothing.
    static func free(_ holds: PublishQueue.AccountHolds) -> Bool {
        !holds.paused && holds.needsReconnect == nil && holds.rateLimitedUntil == nil
    }

    @Test func aManagerPausesAndResumesTheirOwnAccount() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            let paused = try await france.post("/accounts/lumiere-fr-x/pause", form: [("csrf", csrf)])
            #expect(paused.status == .seeOther && paused.location == "/accounts")
            #expect(try fixture.store.publishQueue.holds(account: "lumiere-fr-x").paused)
            let page = try await france.get(paused.location!)
            #expect(page.body.contains("Paused. Nothing is sent for the account until it is resumed."))
            #expect(AccountHoldsRoutesTests.row("lumiere-fr-x", in: page.body)?.contains("hold-paused\">Paused") == true)
            let resumed = try await france.post("/accounts/lumiere-fr-x/resume", form: [("csrf", csrf)])
            #expect(resumed.status == .seeOther && resumed.location == "/accounts")
            #expect(try await france.get("/accounts").body.contains("Resumed. Slots that passed"))
        }
        #expect(Self.free(try fixture.store.publishQueue.holds(account: "lumiere-fr-x")))
    }

    /// Pausing a paused account (another tab, another manager) or resuming a running one says so and records nothing.
    @Test func aPauseThatChangesNothingSaysSoAndRecordsNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            _ = try await france.post("/accounts/lumiere-fr-x/pause", form: [("csrf", csrf)])
            _ = try await france.get("/accounts")
            let again = try await france.post("/accounts/lumiere-fr-x/pause", form: [("csrf", csrf)])
            #expect(again.status == .seeOther)
            #expect(try await france.get("/accounts").body.contains("The account was already paused: nothing changed."))
            let running = try await france.post("/accounts/lumiere-fr-facebook/resume", form: [("csrf", csrf)])
            #expect(running.status == .seeOther)
            #expect(try await france.get("/accounts").body.contains("The account was not paused: nothing changed."))
        }
        #expect(try fixture.store.accountAuditEvents().map(\.action) == [.pause])
    }

    @Test(arguments: ["/accounts/lumiere-uk-x/pause", "/accounts/lumiere-uk-x/resume"])
    func aManagerCannotPauseOrResumeAnotherTeamsAccount(path: String) async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setPaused(
            path.hasSuffix("/resume"), account: "lumiere-uk-x", actor: "test", now: ServerFixture.start)
        let before = try fixture.store.publishQueue.allHolds()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            let refused = try await france.post(path, form: [("csrf", csrf)])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Account &#39;lumiere-uk-x&#39; is not in your teams."))
        }
        #expect(try fixture.store.publishQueue.allHolds() == before)
    }

    @Test func aViewerCannotPauseAndAnUnknownAccountIs404() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let page = try await viewer.get("/accounts")
            #expect(page.status == .ok && !page.body.contains("/accounts/lumiere-fr-x/pause"))
            #expect(try await viewer.post("/accounts/lumiere-fr-x/pause", form: [("csrf", page.csrf ?? "")]).status == .forbidden)
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let csrf = try #require(try await admin.get("/accounts").csrf)
            #expect(try await admin.post("/accounts/no-such-account/pause", form: [("csrf", csrf)]).status == .notFound)
            // An admin acts on any team's account.
            #expect(try await admin.post("/accounts/lumiere-uk-x/pause", form: [("csrf", csrf)]).status == .seeOther)
        }
        #expect(Self.free(try fixture.store.publishQueue.holds(account: "lumiere-fr-x")))
        #expect(try fixture.store.publishQueue.holds(account: "lumiere-uk-x").paused)
        #expect(try fixture.store.publishQueue.allHolds()["no-such-account"] == nil)
    }

    @Test(arguments: [ServerFixture.france, ServerFixture.uk, ServerFixture.viewer])
    func anAccountAccountsYAMLDoesNotDeclareIs404ForEveryRole(user: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(user, password: ServerFixture.password)
            let csrf = try #require(try await browser.get("/accounts").csrf)
            for action in ["pause", "resume"] {
                let answer = try await browser.post("/accounts/lumiere-zz-x/\(action)", form: [("csrf", csrf)])
                #expect(answer.status == .notFound, "\(user) \(action)")
            }
        }
        #expect(try fixture.store.publishQueue.allHolds()["lumiere-zz-x"] == nil)
    }

    @Test func aFormWithoutTheCSRFTokenChangesNothing() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setPaused(true, account: "lumiere-fr-facebook", actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            for (path, form) in [
                ("/accounts/lumiere-fr-x/pause", [(String, String)]()), ("/accounts/lumiere-fr-facebook/resume", []),
                ("/accounts/pause-all", [("reason", "crisis")]),
                ("/accounts/lumiere-fr-x/pause", [("csrf", SessionStore.randomToken())]),
            ] {
                let refused = try await admin.post(path, form: form)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.body.contains("CSRF token mismatch"), "\(path)")
            }
        }
        #expect(Self.free(try fixture.store.publishQueue.holds(account: "lumiere-fr-x")))
        #expect(try fixture.store.publishQueue.holds(account: "lumiere-fr-facebook").paused)
        #expect(try fixture.store.publishQueue.globalPause().paused == false)
    }

    @Test func aManagerCannotSetOrLiftTheGlobalPause() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts")
            #expect(!page.body.contains("action=\"/accounts/pause-all\""))
            let refused = try await france.post("/accounts/pause-all", form: [("csrf", page.csrf ?? ""), ("reason", "mine")])
            #expect(refused.status == .forbidden && refused.body.contains("Only an admin may pause or resume every account."))
            #expect(try fixture.store.publishQueue.globalPause().paused == false)
            try fixture.store.publishQueue.setGlobalPause(true, reason: "recall", actor: "test", now: ServerFixture.start)
            #expect(try await france.post("/accounts/resume-all", form: [("csrf", page.csrf ?? "")]).status == .forbidden)
        }
        #expect(try fixture.store.publishQueue.globalPause() == (true, "recall"))
    }

    @Test func anAdminSetsTheGlobalPauseWithAReasonAndLiftsIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let csrf = try #require(try await admin.get("/accounts").csrf)
            let blank = try await admin.post("/accounts/pause-all", form: [("csrf", csrf), ("reason", "   ")])
            #expect(blank.status == .unprocessableContent && blank.body.contains("id=\"reason-error\""))
            #expect(blank.body.contains("Give a reason"))
            #expect(try fixture.store.publishQueue.globalPause().paused == false)
            let paused = try await admin.post("/accounts/pause-all", form: [("csrf", csrf), ("reason", " Product recall ")])
            #expect(paused.status == .seeOther && paused.location == "/accounts")
            #expect(try fixture.store.publishQueue.globalPause() == (true, "Product recall"))
            let queue = try await admin.get("/")
            #expect(queue.body.contains("id=\"global-pause\"") && queue.body.contains("Reason: Product recall."))
            #expect(try await admin.get("/accounts").body.contains("id=\"resume-all\""))
            let lifted = try await admin.post("/accounts/resume-all", form: [("csrf", csrf)])
            #expect(lifted.status == .seeOther && lifted.location == "/accounts")
            #expect(try await admin.get("/accounts").body.contains("The global pause is lifted."))
            #expect(!(try await admin.get("/").body.contains("id=\"global-pause\"")))
        }
        #expect(try fixture.store.publishQueue.globalPause() == (false, nil))
    }

    @Test func resumingFromTheUIDoesNotBurstOutTheSlotsThatPassedWhilePaused() async throws {
        let fixture = try ServerFixture()
        let queue = fixture.store.publishQueue
        try fixture.store.approve(
            ServerFixture.frX.id, revision: VariantRevision(of: ServerFixture.frX.contentHash),
            actor: ServerFixture.france, now: ServerFixture.start
        ) { _ in }
        try queue.sync(now: ServerFixture.start, grace: 900)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            #expect(try await france.post("/accounts/lumiere-fr-x/pause", form: [("csrf", csrf)]).status == .seeOther)
        }
        // The slot (1 December 08:00 UTC) passes while the account is paused; then the manager resumes it.
        fixture.clock.advance(11 * 86_400)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try #require(try await france.get("/accounts").csrf)
            #expect(try await france.post("/accounts/lumiere-fr-x/resume", form: [("csrf", csrf)]).status == .seeOther)
        }
        let now = fixture.clock.now
        #expect(try queue.sync(now: now, grace: 900).missed == 1)
        #expect(try queue.claim(worker: "w", now: now, lease: 60, limit: 10).isEmpty)
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .missed)
    }
}
