import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Approve, reject, edit (with re-validation) and bulk approve through the in-process router.
struct ApprovalRoutesTests {
    static let frXPath = "/variants/hydra-launch/launch/lumiere-fr-x"

    @Test func approveRecordsTheManagerInTheAuditLog() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.frXPath)
            // The deadline in the account's time (Paris), as the slot, with the UTC instant.
            #expect(
                page.body.contains(
                    "Approve by <strong><time datetime=\"2026-11-30T20:00:00Z\">Mon 30 Nov 2026, 21:00 CET</time>"))
            #expect(page.body.contains("2026-11-30 20:00 UTC)</strong>, 12h before the slot."))
            // Text in the variant's language is marked so (WCAG 3.1.2), the page itself is in English.
            #expect(page.body.contains("<textarea id=\"text\" name=\"text\" lang=\"fr-FR\""))
            let (done, after) = try await browser.submit(
                Self.frXPath + "/approve", form: [("csrf", page.csrf ?? ""), ("revision", page.revision ?? "")])
            #expect(done.status == .seeOther && done.location == Self.frXPath)
            #expect(after.body.contains("Approved.") && after.body.contains(">approved</span>"))
            // The notice is the server's word for this one answer: shown once, never from the URL.
            #expect(!(try await browser.get(Self.frXPath)).body.contains("Approved."))
            #expect(!(try await browser.get(Self.frXPath + "?notice=approved")).body.contains("Approved."))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .approved)
        let event = try #require(try fixture.store.auditEvents(variant: ServerFixture.frX.id).last)
        #expect(event.actor == ServerFixture.france && event.action == .approve)
    }

    @Test func approvingWithoutTheCSRFTokenIsForbidden() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            #expect(try await browser.post(Self.frXPath + "/approve", form: []).status == .forbidden)
            #expect(
                try await browser.post(Self.frXPath + "/approve", form: [("csrf", SessionStore.randomToken())]).status
                    == .forbidden)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
    }

    @Test func anInvalidEditShowsTheRuleNextToTheFieldAndAValidOneIsStored() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let loaded = try await browser.get(Self.frXPath)
            let csrf = loaded.csrf ?? "", revision = loaded.revision ?? ""
            let long = String(repeating: "Hydra ", count: 60).trimmingCharacters(in: .whitespaces)
            let invalid = try await browser.post(
                Self.frXPath + "/edit",
                form: [("csrf", csrf), ("revision", revision), ("text", long), ("link_placement", "reply")])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("id=\"text-errors\""))
            #expect(invalid.body.contains("error[text.too-long]: x/lumiere-fr-x: text is 359/280 weighted characters"))
            #expect(invalid.body.contains(long))
            let valid = try await browser.post(
                Self.frXPath + "/edit",
                form: [
                    ("csrf", csrf), ("revision", revision), ("text", "Votre peau a soif ? <b>Hydra</b> arrive."),
                    ("link_placement", "reply"),
                ])
            #expect(valid.status == .seeOther)
            let page = try await browser.get(Self.frXPath)
            // Escaped wherever it is shown: a manager's text is never markup.
            #expect(page.body.contains("&lt;b&gt;Hydra&lt;/b&gt;") && !page.body.contains("<b>Hydra</b>"))
        }
        let stored = try #require(try fixture.store.variant(ServerFixture.frX.id))
        #expect(stored.text == "Votre peau a soif ? <b>Hydra</b> arrive." && stored.state == .pendingApproval)
        #expect(try fixture.store.auditEvents(variant: stored.id).last?.action == .edit)
    }

    /// A control character other than a line break or a tab (pasted from a terminal or a word processor) is refused,
    /// named with its line and column, by saving and by the live count alike; nothing is stored and the text stays.
    @Test func anEditHoldingAControlCharacterIsRefusedNamingItAndWhereItIs() async throws {
        let fixture = try ServerFixture()
        let typed = "Votre peau a soif ?\nHydra\u{7} arrive\u{1B}[2J.\tÀ bientôt"
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let loaded = try await browser.get(Self.frXPath)
            let form = [
                ("csrf", loaded.csrf ?? ""), ("revision", loaded.revision ?? ""), ("text", typed), ("link_placement", "reply"),
            ]
            let refused = try await browser.post(Self.frXPath + "/edit", form: form)
            #expect(refused.status == .unprocessableContent && refused.body.contains("id=\"text-errors\""))
            #expect(
                refused.body.contains(
                    "error[text.control-character]: x/lumiere-fr-x: text holds 2 control characters: U+0007 BELL at line 2, "
                        + "column 6, U+001B ESCAPE at line 2, column 14"))
            let count = try await browser.post(Self.frXPath + "/count", form: form)
            #expect(count.body.contains("\"rule\":\"text.control-character\""))
            // A line break and a tab are kept.
            let clean = try await browser.post(
                Self.frXPath + "/edit",
                form: [
                    ("csrf", loaded.csrf ?? ""), ("revision", loaded.revision ?? ""), ("text", "Hydra\n\tarrive."),
                    ("link_placement", "reply"),
                ])
            #expect(clean.status == .seeOther)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.text == "Hydra\n\tarrive.")
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .edit }.count == 1)
    }

    @Test func anEditThatCopiesAnotherAccountsXTextIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let loaded = try await browser.get(Self.frXPath)
            let csrf = loaded.csrf ?? "", revision = loaded.revision ?? ""
            // The UK team's X text for the same post, with other case and punctuation: still the same post to X.
            let copied = try await browser.post(
                Self.frXPath + "/edit",
                form: [
                    ("csrf", csrf), ("revision", revision), ("text", "THIRSTY skin... meet Hydra!"), ("link_placement", "reply"),
                ])
            #expect(copied.status == .unprocessableContent)
            #expect(copied.body.contains("x/lumiere-fr-x: the same text already goes to lumiere-uk-x"))
            let own = try await browser.post(
                Self.frXPath + "/edit",
                form: [
                    ("csrf", csrf), ("revision", revision), ("text", "Paris, votre peau a soif ? Hydra arrive."),
                    ("link_placement", "reply"),
                ])
            #expect(own.status == .seeOther)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.text == "Paris, votre peau a soif ? Hydra arrive.")
    }

    @Test func rejectNeedsAReason() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get(Self.frXPath).csrf ?? ""
            let empty = try await browser.post(Self.frXPath + "/reject", form: [("csrf", csrf), ("reason", " ")])
            #expect(empty.status == .conflict && empty.body.contains("a rejection needs a reason"))
            let long = try await browser.post(
                Self.frXPath + "/reject", form: [("csrf", csrf), ("reason", String(repeating: "x", count: 501))])
            #expect(long.status == .conflict && long.body.contains("has 501 characters, more than the 500"))
            #expect(long.body.contains("name=\"reason\" required maxlength=\"500\""))
            let done = try await browser.post(
                Self.frXPath + "/reject", form: [("csrf", csrf), ("reason", "Store closed that day")])
            #expect(done.status == .seeOther)
        }
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).last?.reason == "Store closed that day")
    }

    @Test func bulkApproveApprovesEverySelectedVariant() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let csrf = try await browser.get("/").csrf ?? ""
            let picks = [ServerFixture.frX, ServerFixture.frFacebook].map { ("id", "\($0.id)@\($0.contentHash)") }
            let (done, queue) = try await browser.submit("/approve", form: [("csrf", csrf)] + picks)
            #expect(done.location == "/")
            #expect(queue.body.contains("Approved 2 variants.") && queue.body.contains("Nothing is waiting for you."))
        }
    }

    @Test func pastItsDeadlineAVariantCannotBeApprovedAndThePageSaysWhy() async throws {
        let fixture = try ServerFixture()
        fixture.clock.advance(try Date("2026-11-30T20:00:01Z", strategy: .iso8601).timeIntervalSince(ServerFixture.start))
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.frXPath)
            #expect(page.body.contains("Will not be published:</strong> not approved 12h before its slot"))
            #expect(!page.body.contains("id=\"approve\""))
            let forced = try await browser.post(
                Self.frXPath + "/approve", form: [("csrf", page.csrf ?? ""), ("revision", ServerFixture.frX.contentHash)])
            #expect(forced.status == .conflict && forced.body.contains("passed its approval deadline"))
            let queue = try await browser.get("/")
            #expect(queue.body.contains("Past deadline"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
    }

    @Test func thePreviewCountsAsXAndShowsTheReplyAndTheGlobalTextForReference() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.admin, password: ServerFixture.password)
            let page = try await browser.get(Self.frXPath)
            #expect(page.body.contains("<span class=\"counter\" id=\"counter\">36 / 280</span>"))
            #expect(page.body.contains("aria-label=\"Reply in the thread\""))
            #expect(page.body.contains("Default-locale text (for reference"))
            // English against French is not diffed: an unedited variant has no marked words.
            #expect(!page.body.contains("<ins>") && !page.body.contains("<del>"))
        }
    }
}
