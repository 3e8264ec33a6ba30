import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// The holds the dispatcher and the operators record, as the UI shows them: the accounts page,
/// the reconnect warning on the queue, and the global crisis pause's banner on every page.
struct AccountHoldsRoutesTests {
    @Test func aNeedsReconnectAccountShowsItsReasonAndFixOnTheAccountsPageAndAWarningOnTheQueue() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setNeedsReconnect(
            "token revoked <by the network>", account: "lumiere-fr-x", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let accounts = try await france.get("/accounts")
            #expect(accounts.status == .ok)
            let row = try #require(Self.row("lumiere-fr-x", in: accounts.body))
            #expect(row.contains("Needs reconnect") && row.contains("token revoked &lt;by the network&gt;"))
            #expect(row.contains("<code>glocal account connect lumiere-fr-x</code>"))
            #expect(!accounts.body.contains("<by the network>"))
            #expect(Self.row("lumiere-fr-facebook", in: accounts.body)?.contains("hold-ok\">OK") == true)
            #expect(accounts.body.contains("1 needs reconnect"))
            let queue = try await france.get("/")
            #expect(queue.body.contains("id=\"reconnect-warning\""))
            #expect(queue.body.contains("<strong>lumiere-fr-x</strong>: token revoked &lt;by the network&gt;."))
            #expect(queue.body.contains("<code>glocal account connect lumiere-fr-x</code>"))

            // Another team's manager is not warned about an account they do not manage.
            var uk = BrowserSession(client: client)
            _ = try await uk.login(ServerFixture.uk, password: ServerFixture.password)
            #expect(!(try await uk.get("/").body.contains("reconnect-warning")))
            #expect(!(try await uk.get("/accounts").body.contains("lumiere-fr-x")))
        }
        // Reconnected (as `glocal account connect` does): the warning goes.
        try fixture.store.publishQueue.setNeedsReconnect(nil, account: "lumiere-fr-x", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            #expect(!(try await france.get("/").body.contains("reconnect-warning")))
        }
    }

    @Test func aPausedAndARateLimitedAccountShowTheirHoldsAndOnlyTheTeamsAccountsAreListed() async throws {
        let fixture = try ServerFixture()
        let queue = fixture.store.publishQueue
        try queue.setPaused(true, account: "lumiere-fr-facebook", actor: "test", now: ServerFixture.start)
        let until = ServerFixture.start.addingTimeInterval(900)
        try queue.setRateLimited(until: until, account: "lumiere-fr-x", now: ServerFixture.start)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts")
            let paused = try #require(Self.row("lumiere-fr-facebook", in: page.body))
            #expect(paused.contains("hold-paused\">Paused") && !paused.contains("hold-ok"))
            #expect(paused.contains("action=\"/accounts/lumiere-fr-facebook/resume\""))
            let limited = try #require(Self.row("lumiere-fr-x", in: page.body))
            // The account's own time (its locale's zone: Europe/Paris, UTC+1 in November), and UTC.
            #expect(limited.contains("Rate limited</span> until 2026-11-21 10:15 (Europe/Paris time; 2026-11-21 09:15 UTC)"))
            #expect(limited.contains("action=\"/accounts/lumiere-fr-x/pause\""))
            #expect(page.body.contains("1 paused · 0 need reconnect · 1 rate limited"))
            #expect(page.body.contains("lumiere-fr-instagram") && !page.body.contains("lumiere-uk-"))
            #expect(page.body.contains("<a href=\"/accounts\">Accounts</a>"))
        }
        // Once the limit has lifted the account is OK again.
        fixture.clock.advance(901)
        try await fixture.test { client in
            var france = BrowserSession(client: client)
            _ = try await france.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await france.get("/accounts")
            #expect(Self.row("lumiere-fr-x", in: page.body)?.contains("hold-ok\">OK") == true)
            #expect(page.body.contains("0 rate limited"))
        }
    }

    @Test func theAccountsPageCountsEachAccountsPostsWaitingToBeSent() async throws {
        let fixture = try ServerFixture()
        try fixture.store.approve(
            ServerFixture.frX.id, revision: VariantRevision(of: ServerFixture.frX.contentHash),
            actor: ServerFixture.france, now: ServerFixture.start
        ) { _ in }
        try fixture.store.publishQueue.sync(now: ServerFixture.start, grace: 900)
        try await fixture.test { client in
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await admin.get("/accounts")
            #expect(Self.row("lumiere-fr-x", in: page.body)?.contains("<td>1</td>") == true)
            #expect(Self.row("lumiere-uk-x", in: page.body)?.contains("<td>0</td>") == true)
            #expect(page.body.contains("1 post waiting to be sent"))
            #expect(page.body.contains("(\(ServerFixture.workspace.accounts.count))"))
        }
    }

    @Test func theGlobalPauseShowsABannerWithItsReasonOnEveryPageUntilLifted() async throws {
        let fixture = try ServerFixture()
        try fixture.store.publishQueue.setGlobalPause(
            true, reason: "Product recall <urgent>", actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            #expect(!(try await browser.get("/login").body.contains("global-pause")))
            _ = try await browser.login(ServerFixture.uk, password: ServerFixture.password)
            for path in ["/", "/accounts", "/campaigns", "/audit", "/accounts/lumiere-uk-x/calendar", ScopingTests.ukPath] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains("id=\"global-pause\""), "\(path)")
                #expect(page.body.contains("Reason: Product recall &lt;urgent&gt;."), "\(path)")
            }
            // A manager sees the pause but has no switch to lift it.
            let accounts = try await browser.get("/accounts")
            #expect(accounts.body.contains("Only an admin can lift it.") && !accounts.body.contains("/accounts/resume-all"))
        }
        try fixture.store.publishQueue.setGlobalPause(false, reason: nil, actor: "test", now: ServerFixture.start)
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.uk, password: ServerFixture.password)
            #expect(!(try await browser.get("/").body.contains("global-pause")))
        }
    }

    /// The `<tr>` of `account` on the accounts page.
    static func row(_ account: String, in body: String) -> String? {
        guard let start = body.range(of: "<tr id=\"account-\(account)\">") else { return nil }
        guard let end = body[start.upperBound...].range(of: "</tr>") else { return nil }
        return String(body[start.lowerBound..<end.upperBound])
    }
}
