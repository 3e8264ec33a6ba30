import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Scoping on the server: every route and action refuses another team's variants and accounts.
struct ScopingTests {
    static let ukPath = "/variants/hydra-launch/launch/lumiere-uk-x"
    static let frPath = "/variants/hydra-launch/launch/lumiere-fr-x"

    @Test func aManagersQueueHoldsOnlyTheirTeamsVariants() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/")
            #expect(queue.body.contains("lumiere-fr-x") && queue.body.contains("lumiere-fr-facebook"))
            #expect(!queue.body.contains("lumiere-uk-x"))
            #expect(queue.body.contains("(2 waiting)"))
        }
    }

    @Test(arguments: [
        ("GET", ScopingTests.ukPath), ("GET", "/accounts/lumiere-uk-x/calendar"), ("POST", ScopingTests.ukPath + "/approve"),
        ("POST", ScopingTests.ukPath + "/reject"), ("POST", ScopingTests.ukPath + "/edit"), ("POST", "/approve"),
    ])
    func anotherTeamsVariantIsForbidden(method: String, path: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/").csrf ?? ""
            let response =
                method == "GET"
                ? try await browser.get(path)
                : try await browser.post(
                    path,
                    form: [
                        ("csrf", csrf), ("id", ServerFixture.frX.id), ("id", ServerFixture.ukX.id), ("reason", "no"),
                        ("text", "Hacked"),
                    ])
            #expect(response.status == .forbidden)
        }
        // Nothing changed, not even the French variant named in the same bulk request.
        #expect(try fixture.store.variant(ServerFixture.ukX.id)?.state == .pendingApproval)
        #expect(try fixture.store.variant(ServerFixture.ukX.id)?.text == ServerFixture.ukX.text)
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
        #expect(try fixture.store.auditEvents().count == 3)
    }

    @Test func campaignOverviewAndAuditLogShowOnlyTheTeamsAccounts() async throws {
        let fixture = try ServerFixture()
        try fixture.store.approve(
            ServerFixture.ukX.id, revision: VariantRevision(of: ServerFixture.ukX.contentHash),
            actor: ServerFixture.uk, now: ServerFixture.start
        ) { _ in }
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let campaign = try await browser.get("/campaigns/hydra-launch")
            #expect(campaign.status == .ok && campaign.body.contains("lumiere-fr-x") && !campaign.body.contains("lumiere-uk-x"))
            let audit = try await browser.get("/audit")
            #expect(audit.body.contains("lumiere-fr-x") && !audit.body.contains("lumiere-uk-x"))
        }
    }

    /// A campaign none of whose accounts the manager sees answers the unknown campaign's 404 word for word (its name
    /// does not leak, stored or not); their teams' campaign still opens, and an admin sees every workspace campaign.
    @Test func anotherTeamsCampaignIsAnsweredAsAnUnknownOne() async throws {
        // lunar-new-year targets the Korean and Taiwanese accounts (no team of Claire's); one of its variants is stored.
        var korean = ServerFixture.variant(account: "lumiere-kr-x", network: .x)
        korean.id = "lunar-new-year/travel-skin/lumiere-kr-x"
        korean.campaignID = "lunar-new-year"
        korean.postID = "travel-skin"
        let fixture = try ServerFixture(variants: ServerFixture.defaultVariants + [korean])
        try await fixture.test { client in
            var manager = BrowserSession(client: client)
            _ = try await manager.login(ServerFixture.france, password: ServerFixture.password)
            let foreign = try await manager.get("/campaigns/lunar-new-year")
            let unknown = try await manager.get("/campaigns/no-such-campaign")
            #expect(foreign.status == .notFound && unknown.status == .notFound)
            #expect(foreign.body.contains("No campaign &#39;lunar-new-year&#39;."))
            #expect(
                foreign.body.replacingOccurrences(of: "lunar-new-year", with: "X")
                    == unknown.body.replacingOccurrences(of: "no-such-campaign", with: "X"))
            #expect(!foreign.body.contains("0 of"))
            #expect(try await manager.get("/campaigns/hydra-launch").status == .ok)
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            #expect(try await admin.get("/campaigns/lunar-new-year").status == .ok)
            // Stored nowhere, but in the workspace: an admin sees it, not yet applied.
            #expect(try await admin.get("/campaigns/paris-beauty-week").status == .ok)
        }
    }

    @Test func theCampaignsListNamesEveryCampaignWhoseOverviewOpens() async throws {
        // Stored: hydra-launch only. The workspace also has campaigns not applied yet (paris-beauty-week targets
        // France; lunar-new-year, the Korean and Taiwanese accounts).
        let fixture = try ServerFixture()
        try await fixture.test { client in
            for (email, seesEverything) in [
                (ServerFixture.admin, true), (ServerFixture.viewer, true), (ServerFixture.france, false),
            ] {
                var browser = BrowserSession(client: client)
                _ = try await browser.login(email, password: ServerFixture.password)
                let list = try await browser.get("/campaigns").body
                #expect(list.contains("<tr id=\"campaign-hydra-launch\">"), "\(email)")
                // Not applied yet, and the list says so: 0 / 0, as its overview does.
                let row = try #require(
                    list.components(separatedBy: "<tr id=\"campaign-paris-beauty-week\">").dropFirst().first, "\(email)")
                #expect(row.contains("<td class=\"progress\">0 / 0</td>"))
                #expect(try await browser.get("/campaigns/paris-beauty-week").status == .ok)
                #expect(list.contains("campaign-lunar-new-year") == seesEverything, "\(email)")
            }
        }
    }

    @Test func aManagerOfNoTeamIsToldWhyTheySeeNothing() async throws {
        let fixture = try ServerFixture()
        _ = try fixture.environment.users.add(
            email: "lost@lumiere.example", role: .manager, password: ServerFixture.password, now: ServerFixture.start)
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login("lost@lumiere.example", password: ServerFixture.password)
            for path in ["/", "/accounts"] {
                let page = try await browser.get(path).body
                #expect(page.contains("You manage no team: no team of glocal.yaml lists your address"), "\(path)")
                #expect(!page.contains("Accounts of your teams"), "\(path)")
                #expect(!page.contains("lumiere-fr-x"), "\(path)")
            }
            let calendar = try await browser.get("/calendar").body
            #expect(calendar.contains("Calendar of no account: you manage no team"))
            #expect(!calendar.contains("Calendar of every account") && !calendar.contains("lumiere-fr-x"))
        }
    }

    @Test func theEngagementReportCoversOnlyTheAccountsTheUserSees() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var manager = BrowserSession(client: client)
            _ = try await manager.login(ServerFixture.france, password: ServerFixture.password)
            let mine = try await manager.get("/report?view=tables")
            #expect(mine.status == .ok)
            #expect(mine.body.contains("<h1>Engagement report: tables</h1>") && mine.body.contains("<h2>Promotional share"))
            #expect(mine.body.contains("lumiere-fr-x") && !mine.body.contains("lumiere-uk-x"))
            let download = try await manager.get("/report.html?campaign=hydra-launch")
            #expect(
                download.status == .ok && download.body.hasPrefix("<!DOCTYPE html>") && !download.body.contains("lumiere-uk-x"))
            #expect(try await manager.get("/report?campaign=no-such-campaign").status == .notFound)
            var admin = BrowserSession(client: client)
            _ = try await admin.login(ServerFixture.admin, password: ServerFixture.password)
            let all = try await admin.get("/report?view=tables")
            #expect(all.body.contains("lumiere-fr-x") && all.body.contains("lumiere-uk-x"))
        }
    }

    @Test func aViewerReadsEverythingButCannotApprove() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.viewer, password: ServerFixture.password)
            let page = try await browser.get(Self.ukPath)
            #expect(page.status == .ok && !page.body.contains("id=\"approve\""))
            let attempt = try await browser.post(Self.ukPath + "/approve", form: [("csrf", page.csrf ?? "")])
            #expect(attempt.status == .forbidden)
        }
        #expect(try fixture.store.variant(ServerFixture.ukX.id)?.state == .pendingApproval)
    }

    @Test func anUnknownVariantIs404AndMediaOutsideAssetsIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            #expect(try await browser.get("/variants/hydra-launch/launch/nope").status == .notFound)
            #expect(try await browser.get("/media/glocal.yaml").status == .notFound)
            #expect(try await browser.get("/media/assets/../glocal.yaml").status == .notFound)
        }
    }
}
