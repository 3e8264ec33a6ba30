import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// My queue: cards with text, thumbnail, network and local times; filters, search and paging as GET
/// parameters; bulk approve and bulk reject from it; a manager sees and acts on their teams' accounts only.
struct QueueRoutesTests {
    /// `count` pending variants of France's X account, one post each, an hour apart from 1 December 08:00 UTC.
    static func many(_ count: Int, account: String = "lumiere-fr-x") -> [StoredVariant] {
        (0..<count).map { index in
            var variant = ServerFixture.variant(
                post: String(format: "post-%03d", index), account: account, network: .x,
                text: index % 10 == 0 ? "Numéro \(index) : L’ÉTÉ arrive" : "Numéro \(index) : votre peau a soif")
            variant.scheduledAt = variant.scheduledAt!.addingTimeInterval(Double(index) * 3600)
            return variant
        }
    }

    @Test func eachRowShowsTheTextThumbnailNetworkAndLocalTimesWithAHint() async throws {
        var launch = ServerFixture.variant(
            account: "lumiere-fr-instagram", network: .instagram,
            text: "<b>Hydra</b> & co " + String(repeating: "très ", count: 40) + "FIN-NOT-SHOWN")
        launch.media = ["assets/hydra-launch/launch-4x5.png", "assets/hydra-launch/texture-1x1.png"]
        let fixture = try ServerFixture(variants: [launch, ServerFixture.frX])
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/")
            #expect(queue.status == .ok)
            // The start of the text, escaped, cut near 140 characters.
            #expect(queue.body.contains("&lt;b&gt;Hydra&lt;/b&gt; &amp; co très très"))
            #expect(!queue.body.contains("FIN-NOT-SHOWN") && queue.body.contains("très…</a>"))
            #expect(queue.body.contains("Votre peau a soif ? Découvrez Hydra."))
            // Searched, a match past the cut shows the text around it, marked.
            let found = try await browser.get("/?q=fin-not")
            #expect(found.body.contains("très très <mark>FIN-NOT</mark>-SHOWN</a>") && found.body.contains("\">…très"))
            // A lazy thumbnail with its size and the campaign's alt text; "+1" for the second image.
            #expect(
                queue.body.contains(
                    "<img class=\"q-thumb\" src=\"/media/assets/hydra-launch/launch-4x5.png\" "
                        + "alt=\"The Hydra Glow serum bottle on a water-blue background\" "
                        + "width=\"72\" height=\"72\" loading=\"lazy\""
                ))
            #expect(queue.body.contains("<span class=\"q-more\">+1</span>"))
            // The network as a named badge.
            #expect(queue.body.contains("role=\"img\" aria-label=\"Instagram\""))
            #expect(queue.body.contains("role=\"img\" aria-label=\"X\""))
            // Slot and deadline (12 h before) in Paris time, with the zone and a hint from the test's clock.
            #expect(queue.body.contains(">Tue 1 Dec 2026, 09:00 CET</time> <span class=\"q-rel\">(in 10 days)</span>"))
            #expect(queue.body.contains("Approve by <time datetime=\"2026-11-30T20:00:00Z\">Mon 30 Nov 2026, 21:00 CET</time>"))
            #expect(queue.body.contains("(in 9 days)"))
            #expect(!queue.body.contains(" UTC</"))
            #expect(queue.body.contains("<link rel=\"stylesheet\" href=\"/static/queue.css\">"))
            let css = try await browser.get("/static/queue.css")
            #expect(css.status == .ok && css.body.contains(".q-item"))
        }
    }

    @Test func pagesOfFiftyWithTheTotalAndLinksThatKeepTheFilters() async throws {
        let fixture = try ServerFixture(variants: Self.many(120) + [ServerFixture.frFacebook])
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let first = try await browser.get("/")
            #expect(first.body.contains("(121 waiting)") && first.body.contains("Showing 1–50 of 121 matching"))
            #expect(first.body.components(separatedBy: "class=\"q-item\"").count - 1 == 50)
            #expect(first.body.contains("Page 1 of 3") && first.body.contains("<a href=\"/?page=2\" rel=\"next\">"))
            let filtered = try await browser.get("/?network=x&account=lumiere-fr-x&page=2")
            #expect(filtered.body.contains("Showing 51–100 of 120 matching") && filtered.body.contains("Page 2 of 3"))
            #expect(filtered.body.contains("<a href=\"/?network=x&amp;account=lumiere-fr-x\" rel=\"prev\">"))
            #expect(filtered.body.contains("<a href=\"/?network=x&amp;account=lumiere-fr-x&amp;page=3\" rel=\"next\">"))
            #expect(filtered.body.contains("hydra-launch/post-050/") && !filtered.body.contains("hydra-launch/post-049/"))
            #expect(filtered.body.contains("<option value=\"x\" selected>X</option>"))
            #expect(filtered.body.contains("<details class=\"q-filter-box card\" id=\"filters\" open>"))
            #expect(
                first.body.contains("<details class=\"q-filter-box card\" id=\"filters\"><summary>Filter and search</summary>"))
            let facebook = try await browser.get("/?network=facebook")
            #expect(facebook.body.contains("Showing 1–1 of 1 matching") && !facebook.body.contains("q-pager"))
            let past = try await browser.get("/?page=99")
            #expect(past.body.contains("Showing 101–121 of 121 matching"))
            let wrong = try await browser.get("/?network=myspace&page=abc")
            #expect(wrong.body.contains("Unknown network “myspace”: ignored.") && wrong.body.contains("Showing 1–50 of 121"))
        }
    }

    @Test func searchIgnoresCaseAndDeadlineSoonKeepsTheNext48Hours() async throws {
        let fixture = try ServerFixture(variants: Self.many(30))
        // 29 November 21:00 UTC: the deadline of post-000 (1 Dec 08:00 - 12 h) is 23 h away, post-027's 50 h.
        fixture.clock.advance(try Date("2026-11-29T21:00:00Z", strategy: .iso8601).timeIntervalSince(ServerFixture.start))
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let search = try await browser.get("/?q=l%E2%80%99%C3%A9t%C3%A9")
            #expect(search.body.contains("Showing 1–3 of 3 matching"))
            #expect(search.body.contains("post-000/") && search.body.contains("post-010/") && search.body.contains("post-020/"))
            #expect(search.body.contains("value=\"l’été\""))
            #expect(search.body.contains(" : <mark>L’ÉTÉ</mark> arrive</a>"))
            // As a browser's GET form sends it: "+" for a space.
            let spaced = try await browser.get("/?q=%C3%89T%C3%89+arrive&network=")
            #expect(spaced.body.contains("Showing 1–3 of 3 matching") && spaced.body.contains("value=\"ÉTÉ arrive\""))
            let soon = try await browser.get("/?soon=1")
            // Deadlines from 30 Nov 20:00 UTC hourly; within 48 h of 29 Nov 21:00: up to 1 Dec 21:00, posts 0...25.
            #expect(soon.body.contains("Showing 1–26 of 26 matching"))
            #expect(soon.body.contains("post-025/") && !soon.body.contains("post-026/"))
            #expect(soon.body.contains("id=\"soon\" name=\"soon\" value=\"1\" checked"))
            let none = try await browser.get("/?q=nowhere")
            #expect(none.body.contains("No variant matches these filters."))
        }
    }

    @Test func bulkRejectNeedsAReasonAndRejectsEachSelectedVariantKeepingTheFilters() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/?network=x").csrf ?? ""
            let picks = [ServerFixture.frX, ServerFixture.frFacebook].map { ("id", "\($0.id)@\($0.contentHash)") }
            let empty = try await browser.post(
                "/reject-selected", form: [("csrf", csrf), ("back", "network=x"), ("reason", "   ")] + picks)
            #expect(empty.status == .conflict && empty.body.contains("id=\"bulk-error\""))
            #expect(empty.body.contains("A rejection needs a reason"))
            #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
            let none = try await browser.post("/reject-selected", form: [("csrf", csrf), ("reason", "Closed")])
            #expect(none.status == .conflict && none.body.contains("Select at least one variant"))
            let (done, queue) = try await browser.submit(
                "/reject-selected",
                form: [("csrf", csrf), ("back", "network=x&evil=%3Cscript%3E"), ("reason", "Store closed")] + picks)
            #expect(done.location == "/?network=x")
            #expect(queue.body.contains("Rejected 2 variants."))
            // Shown once: a reload of the queue says it no more.
            #expect(!(try await browser.get("/?network=x")).body.contains("Rejected 2 variants."))
        }
        for variant in [ServerFixture.frX, ServerFixture.frFacebook] {
            #expect(try fixture.store.variant(variant.id)?.state == .rejected)
            #expect(try fixture.store.auditEvents(variant: variant.id).last?.reason == "Store closed")
        }
    }

    /// Enter in "Reason for rejecting the selected" submits the form by its first button, *Approve selected*
    /// (without JavaScript; the queue's script presses *Reject selected* instead): a body carrying a reason, or no
    /// ticked box, approves nothing. A reason the core refuses (a NUL) is a 409 naming it, not a server error.
    @Test func bulkApproveWithAReasonOrNothingTickedAndABulkReasonWithANulChangeNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/?network=x")
            #expect(queue.body.contains("<script src=\"/static/queue.js\" defer></script>"))
            let csrf = queue.csrf ?? ""
            let picks = [("id", "\(ServerFixture.frX.id)@\(ServerFixture.frX.contentHash)")]
            let withReason = try await browser.post(
                "/approve", form: [("csrf", csrf), ("back", "network=x"), ("reason", "Mauvais visuel")] + picks)
            #expect(withReason.status == .conflict && withReason.body.contains("id=\"bulk-error\""))
            #expect(
                withReason.body.contains("You wrote a reason for rejecting") && withReason.body.contains("Nothing was approved."))
            let nothing = try await browser.post("/approve", form: [("csrf", csrf), ("reason", "")])
            #expect(nothing.status == .conflict && nothing.body.contains("Select at least one variant to approve"))
            let nul = try await browser.post(
                "/reject-selected", form: [("csrf", csrf), ("reason", "ok\u{0}no")] + picks)
            #expect(nul.status == .conflict && nul.body.contains("U+0000 NULL") && nul.body.contains("id=\"bulk-error\""))
            let long = try await browser.post(
                "/reject-selected", form: [("csrf", csrf), ("reason", String(repeating: "x", count: 501))] + picks)
            #expect(long.status == .conflict && long.body.contains("has 501 characters, more than the 500"), "\(long.body)")
            #expect(long.body.contains("id=\"bulk-reason\" name=\"reason\" maxlength=\"500\""))
            let script = try await browser.get("/static/queue.js")
            #expect(script.status == .ok && script.body.contains("requestSubmit(reject)"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).allSatisfy { $0.action != .approve })
    }

    @Test func bulkApproveSkipsAndListsAStaleVariantAndApprovesTheRestInOneGo() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/?account=lumiere-fr-x")
            try fixture.store.edit(
                ServerFixture.frFacebook.id, text: "Changed meanwhile", linkPlacement: .firstComment, actor: ServerFixture.admin,
                now: fixture.clock.now
            ) { _ in }
            let picks = [ServerFixture.frX, ServerFixture.frFacebook].map { ("id", "\($0.id)@\($0.contentHash)") }
            let answer = try await browser.post(
                "/approve", form: [("csrf", queue.csrf ?? ""), ("back", "account=lumiere-fr-x")] + picks)
            // Answered in place: the changed variants were not approved, and the list is this answer's alone.
            #expect(answer.status == .conflict && answer.location == nil)
            #expect(answer.body.contains("Approved 1 variant.") && answer.body.contains("id=\"changed\""))
            #expect(answer.body.contains("\(ServerFixture.frFacebook.id)</a> · edit by \(ServerFixture.admin)"))
            // The answer keeps the filter: only the X account's card.
            #expect(answer.body.contains("<option value=\"lumiere-fr-x\" selected>"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .approved)
        #expect(try fixture.store.variant(ServerFixture.frFacebook.id)?.state == .pendingApproval)
    }

    @Test func theStateFilterListsDecidedVariantsWithoutBoxes() async throws {
        let fixture = try ServerFixture()
        try fixture.store.approve(
            ServerFixture.frX.id, revision: VariantRevision(of: ServerFixture.frX.contentHash), actor: ServerFixture.france,
            now: fixture.clock.now
        ) { _ in }
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let approved = try await browser.get("/?state=approved")
            #expect(approved.body.contains("(1 approved)") && approved.body.contains("Showing 1–1 of 1 matching"))
            #expect(approved.body.contains("lumiere-fr-x") && !approved.body.contains("lumiere-fr-facebook"))
            #expect(!approved.body.contains("name=\"id\"") && !approved.body.contains("bulk-approve"))
            #expect(approved.body.contains("<option value=\"approved\" selected>"))
            let pending = try await browser.get("/")
            #expect(pending.body.contains("(1 waiting)") && pending.body.contains("lumiere-fr-facebook"))
            let rejected = try await browser.get("/?state=rejected")
            #expect(rejected.body.contains("No variant in this state."))
        }
    }

    @Test func aManagerSeesAndActsOnTheirTeamsVariantsOnly() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var uk = BrowserSession(client: client)
            _ = try await uk.login(ServerFixture.uk, password: ServerFixture.password)
            let own = try await uk.get("/")
            #expect(own.body.contains("(1 waiting)") && own.body.contains("lumiere-uk-x"))
            #expect(!own.body.contains("lumiere-fr-"))
            // Asking for France's account by URL shows nothing of it.
            let foreign = try await uk.get("/?account=lumiere-fr-x")
            #expect(!foreign.body.contains("Votre peau") && foreign.body.contains("No variant matches these filters."))
            let picks = [ServerFixture.ukX, ServerFixture.frX].map { ("id", "\($0.id)@\($0.contentHash)") }
            let refused = try await uk.post("/reject-selected", form: [("csrf", own.csrf ?? ""), ("reason", "Nope")] + picks)
            #expect(refused.status == .forbidden)
            let approve = try await uk.post("/approve", form: [("csrf", own.csrf ?? "")] + picks)
            #expect(approve.status == .forbidden)

            var viewer = BrowserSession(client: client)
            _ = try await viewer.login(ServerFixture.viewer, password: ServerFixture.password)
            let read = try await viewer.get("/")
            #expect(read.body.contains("(3 waiting)") && !read.body.contains("type=\"checkbox\" name=\"id\""))
            #expect(!read.body.contains("bulk-reject"))
            // A viewer posting the bulk forms anyway is told it is the role, not that the account is another team's.
            let ownPick = [("id", "\(ServerFixture.ukX.id)@\(ServerFixture.ukX.contentHash)")]
            for (path, reason) in [("/approve", []), ("/reject-selected", [("reason", "Nope")])] {
                let refusedToViewer = try await viewer.post(path, form: [("csrf", read.csrf ?? "")] + reason + ownPick)
                #expect(refusedToViewer.status == .forbidden)
                #expect(refusedToViewer.body.contains("You may not change variants (role viewer)."), "\(refusedToViewer.body)")
                #expect(!refusedToViewer.body.contains("is not in your teams"))
            }
        }
        for variant in ServerFixture.defaultVariants {
            #expect(try fixture.store.variant(variant.id)?.state == .pendingApproval)
        }
    }
}
