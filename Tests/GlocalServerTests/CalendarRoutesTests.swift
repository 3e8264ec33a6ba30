import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// The calendar's grids and moving a post: accepted when the scheduler's rules allow the new slot
/// (and audited), refused with the rule and the colliding post otherwise, only for those who may edit
/// the account, and never on a stale page.
struct CalendarRoutesTests {
    static let movePath = "/calendar/move/hydra-launch/launch/lumiere-fr-x"
    static let shownSlot = UTCTimestamp.string(from: ServerFixture.frX.scheduledAt!)

    static func form(
        csrf: String, date: String = "2027-01-26", time: String = "10:17", revision: String = ServerFixture.frX.contentHash,
        slot: String = shownSlot, note: String = "shop event"
    ) -> [(String, String)] {
        [
            ("csrf", csrf), ("revision", revision), ("slot", slot), ("date", date), ("time", time), ("note", note),
            ("back", "/calendar?account=lumiere-fr-x&view=month&date=2027-01-01"),
        ]
    }

    @Test func aMoveToAFreeSlotIsStoredAuditedAndShownOnTheCalendar() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.movePath)
            #expect(page.status == .ok && page.body.contains("name=\"date\" value=\"2026-12-01\""))
            let (moved, calendar) = try await browser.submit(Self.movePath, form: Self.form(csrf: page.csrf ?? ""))
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location] == "/calendar?account=lumiere-fr-x&view=month&date=2027-01-01")
            #expect(calendar.status == .ok)
            #expect(calendar.body.contains("Moved hydra-launch/launch/lumiere-fr-x to 2027-01-26 10:17 (Europe/Paris)."))
            // Said once, by the server: a reload, or a link naming the post, says nothing.
            let again = try await browser.get("/calendar?account=lumiere-fr-x&view=month&date=2027-01-01")
            #expect(!again.body.contains("Moved hydra-launch"))
            let crafted = try await browser.get(
                "/calendar?account=lumiere-fr-x&date=2026-12-01&moved=hydra-launch%2Flaunch%2Flumiere-fr-x")
            #expect(!crafted.body.contains("Moved hydra-launch"))
            #expect(calendar.body.contains("January 2027"))
            #expect(calendar.body.contains("data-date=\"2027-01-26\""))
            #expect(calendar.body.contains("href=\"/variants/hydra-launch/launch/lumiere-fr-x\""))
        }
        let variant = try #require(try fixture.store.variant(ServerFixture.frX.id))
        #expect(variant.scheduledAt == (try Date("2027-01-26T09:17:00Z", strategy: .iso8601)))
        #expect(variant.localTime == "2027-01-26 10:17")
        #expect(variant.state == .pendingApproval && variant.contentHash == ServerFixture.frX.contentHash)
        #expect(SlotMoveCheck.isPinned(variant.explanation))
        let event = try #require(try fixture.store.auditEvents(variant: ServerFixture.frX.id).last)
        #expect(event.actor == ServerFixture.france && event.action == .update)
        #expect(event.at == fixture.clock.now)
        #expect(event.reason == "moved from 2026-12-01 09:00 to 2027-01-26 10:17 Europe/Paris: shop event")
        #expect(event.before?.contains("\"scheduled_at\":\"2026-12-01T08:00:00") == true)
        #expect(event.after?.contains("\"scheduled_at\":\"2027-01-26T09:17:00") == true)
    }

    /// A move onto another X post's minute stands (the spread does not bind a person), the other post keeps its
    /// slot, and the notice names it (a post of an account the manager may not see, without its id).
    @Test func aMoveOntoAnotherPostsMinuteSaysSoAndPushesNobody() async throws {
        let ukPreview = ServerFixture.variant(post: "preview", account: "lumiere-uk-x", network: .x, slot: "2027-01-26T09:17:00Z")
        let fixture = try ServerFixture(variants: ServerFixture.defaultVariants + [ukPreview])
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.movePath)
            let (moved, calendar) = try await browser.submit(Self.movePath, form: Self.form(csrf: page.csrf ?? ""))
            #expect(moved.status == .seeOther)
            #expect(
                calendar.body.contains(
                    "Moved hydra-launch/launch/lumiere-fr-x to 2027-01-26 10:17 (Europe/Paris). It shares its minute with X "
                        + "post of an account outside your teams (10:17): a move is not bound by the spread rules, and the "
                        + "other posts keep their slots."), "\(calendar.body)")
        }
        #expect(try fixture.store.variant(ukPreview.id)?.scheduledAt == ukPreview.scheduledAt)
        let variant = try #require(try fixture.store.variant(ServerFixture.frX.id))
        #expect(
            variant.explanation.last?.detail.hasPrefix("moved by claire.martin@lumiere.example on 2026-11-21 09:00 UTC from")
                == true)
    }

    @Test func aMoveThatBreaksARuleIsRefusedWithTheRuleAndTheCollidingPost() async throws {
        let preview = ServerFixture.variant(
            post: "preview", account: "lumiere-fr-x", network: .x, slot: "2027-01-26T09:47:00Z")
        let fixture = try ServerFixture(variants: ServerFixture.defaultVariants + [preview])
        let eventsBefore = try fixture.store.auditEvents().count
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.movePath)
            let refused = try await browser.post(Self.movePath, form: Self.form(csrf: page.csrf ?? ""))
            #expect(refused.status == .conflict && refused.location == nil)
            #expect(refused.body.contains("id=\"move-refused\""))
            #expect(refused.body.contains("is within 2h of another post of the account (10:47)"))
            #expect(refused.body.contains("<code>min-gap</code>"))
            #expect(refused.body.contains("href=\"/variants/hydra-launch/preview/lumiere-fr-x\""))
            // The form keeps what was asked, to correct it.
            #expect(refused.body.contains("name=\"time\" value=\"10:17\""))
            #expect(refused.body.contains("name=\"note\" maxlength=\"500\" value=\"shop event\""))
            let quiet = try await browser.post(Self.movePath, form: Self.form(csrf: page.csrf ?? "", time: "23:10"))
            #expect(quiet.status == .conflict && quiet.body.contains("<code>quiet-hours</code>"))
            let garbage = try await browser.post(Self.movePath, form: Self.form(csrf: page.csrf ?? "", date: "26/01/2027"))
            #expect(garbage.status == .conflict && garbage.body.contains("YYYY-MM-DD"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.scheduledAt == ServerFixture.frX.scheduledAt)
        #expect(try fixture.store.auditEvents().count == eventsBefore)
    }

    @Test func onlyManagersOfTheAccountAndTheAdminMayMoveIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let calendar = try await viewer.get("/calendar?account=lumiere-fr-x&date=2026-12-01")
            #expect(calendar.status == .ok && calendar.body.contains("/variants/hydra-launch/launch/lumiere-fr-x"))
            #expect(!calendar.body.contains("draggable=\"true\"") && !calendar.body.contains("class=\"cal-move\""))
            #expect(try await viewer.get(Self.movePath).status == .forbidden)
            let csrf = calendar.csrf ?? ""
            #expect(try await viewer.post(Self.movePath, form: Self.form(csrf: csrf)).status == .forbidden)
            var uk = BrowserSession(client: client)
            _ = try await uk.login(ServerFixture.uk, password: ServerFixture.password)
            let ukPage = try await uk.get("/calendar")
            #expect(try await uk.post(Self.movePath, form: Self.form(csrf: ukPage.csrf ?? "")).status == .forbidden)
            #expect(try await uk.get("/calendar?account=lumiere-fr-x").status == .forbidden)
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let adminPage = try await admin.get("/calendar?account=lumiere-fr-x&date=2026-12-01")
            #expect(adminPage.body.contains("draggable=\"true\""))
            #expect(try await admin.post(Self.movePath, form: Self.form(csrf: adminPage.csrf ?? "")).status == .seeOther)
        }
        let events = try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .update }
        #expect(events.map(\.actor) == [ServerFixture.admin])
    }

    @Test func aMoveFromAStalePageWritesNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.movePath)
            // Someone edited the text meanwhile: the revision shown is stale.
            try fixture.store.edit(
                ServerFixture.frX.id, text: "Paris, votre peau a soif ?", linkPlacement: .reply, actor: ServerFixture.admin,
                now: fixture.clock.now
            ) { _ in }
            let stale = try await browser.post(Self.movePath, form: Self.form(csrf: page.csrf ?? ""))
            #expect(stale.status == .conflict && stale.body.contains("<code>stale-revision</code>"))
            // The fresh page carries the new revision; a slot other than the one stored is stale too.
            let fresh = try await browser.get(Self.movePath)
            let revision = fresh.revision ?? ""
            #expect(revision != ServerFixture.frX.contentHash)
            let movedMeanwhile = try await browser.post(
                Self.movePath, form: Self.form(csrf: fresh.csrf ?? "", revision: revision, slot: "2026-12-02T08:00:00.000Z"))
            #expect(movedMeanwhile.status == .conflict && movedMeanwhile.body.contains("<code>stale-slot</code>"))
            let missing = try await browser.post(
                Self.movePath, form: Self.form(csrf: fresh.csrf ?? "", revision: "").filter { $0.0 != "revision" })
            #expect(missing.status == .conflict && missing.body.contains("<code>stale-revision</code>"))
            let forged = try await browser.post(Self.movePath, form: Self.form(csrf: "forged", revision: revision))
            #expect(forged.status == .forbidden)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.scheduledAt == ServerFixture.frX.scheduledAt)
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .update }.isEmpty)
    }

    @Test func gridsAreMonthsAndWeeksPerAccountTeamOrEverything() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            // A manager's default: their first team, this month (the clock says 21 November 2026).
            let mine = try await browser.get("/calendar")
            #expect(mine.status == .ok && mine.body.contains("Calendar of team"))
            #expect(mine.body.contains("November 2026") && mine.body.contains("cal-today\" data-date=\"2026-11-21\""))
            let month = try await browser.get("/calendar?team=france&date=2026-12-01")
            #expect(month.body.contains("<h2 id=\"cal-title\">December 2026</h2>"))
            #expect(month.body.contains("rel=\"prev\" href=\"/calendar?team=france&amp;view=month&amp;date=2026-11-01\""))
            #expect(month.body.contains("rel=\"next\" href=\"/calendar?team=france&amp;view=month&amp;date=2027-01-01\""))
            #expect(month.body.contains("lumiere-fr-x · hydra-launch/launch") && month.body.contains("lumiere-fr-facebook"))
            #expect(!month.body.contains("lumiere-uk-x"))
            #expect(month.body.contains("class=\"cal-post cal-s-pending_approval\"") && month.body.contains(">pending approval<"))
            #expect(month.body.contains("Europe/Paris, the zone of"))
            let week = try await browser.get("/calendar?show=account:lumiere-fr-x&view=week&date=2026-12-03")
            #expect(week.body.contains("Week of Mon 2026-11-30") && week.body.contains("class=\"cal cal-week\""))
            #expect(week.body.contains("Europe/Paris, the time zone of the account"))
            #expect(week.body.contains("data-date=\"2026-12-01\""))
            #expect(week.body.contains("<span class=\"cal-time\">09:00</span>"))
            #expect(try await browser.get("/calendar?date=tomorrow").status == .badRequest)
            #expect(try await browser.get("/calendar?account=nobody").status == .notFound)
            let older = try await browser.get("/accounts/lumiere-fr-x/calendar?date=2026-12-01")
            #expect(older.status == .ok && older.body.contains("Calendar of lumiere-fr-x"))
            #expect(older.body.contains("href=\"/variants/hydra-launch/launch/lumiere-fr-x\""))
            #expect(try await browser.get("/accounts/lumiere-uk-x/calendar").status == .forbidden)
            let script = try await browser.get("/static/calendar.js")
            #expect(script.status == .ok && script.body.contains("form.submit()"))
            #expect(try await browser.get("/static/calendar.css").body.contains("@media (max-width:700px)"))
        }
    }
}
