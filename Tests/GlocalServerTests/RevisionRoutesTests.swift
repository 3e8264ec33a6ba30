import Foundation
import GlocalCore
import GlocalStore
import Hummingbird
import HummingbirdTesting
import Testing

extension BrowserSession.Page {
    /// The value of the first `name="revision"` hidden field: the revision the page shows.
    var revision: String? {
        guard let range = body.range(of: "name=\"revision\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Approve and edit name the revision the page showed: a variant changed since is neither approved
/// nor overwritten, and the answer shows what changed, who changed it, and a fresh form.
struct RevisionRoutesTests {
    static let frXPath = "/variants/hydra-launch/launch/lumiere-fr-x"
    static let newText = "Paris, votre peau a soif ? Hydra arrive."

    /// The admin edits Claire's variant meanwhile, as another browser would.
    func adminEdits(_ fixture: ServerFixture, to text: String = newText) throws {
        try fixture.store.edit(
            ServerFixture.frX.id, text: text, linkPlacement: .reply, actor: ServerFixture.admin, now: fixture.clock.now
        ) { _ in }
    }

    @Test func approveOnAStalePageApprovesNothingAndShowsWhatChanged() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let stale = try await browser.get(Self.frXPath)
            #expect(stale.revision == ServerFixture.frX.contentHash)
            try adminEdits(fixture)
            let refused = try await browser.post(
                Self.frXPath + "/approve", form: [("csrf", stale.csrf ?? ""), ("revision", stale.revision ?? "")])
            // Answered in place: nothing approved, the page as it is now with what changed since.
            #expect(refused.status == .conflict && refused.location == nil)
            #expect(refused.body.contains("id=\"changes\"") && refused.body.contains("Nothing was approved"))
            #expect(refused.body.contains("changed since revision \(ServerFixture.frX.contentHash) was shown"))
            #expect(refused.body.contains("<strong>edit</strong> by \(ServerFixture.admin)"))
            // The text shown then against the text now, the changed words marked.
            #expect(refused.body.contains("id=\"shown-text\"><del>Votre </del>peau a soif ? <del>Découvrez Hydra.</del></p>"))
            #expect(
                refused.body.contains("id=\"current-text\"><ins>Paris, votre </ins>peau a soif ? <ins>Hydra arrive.</ins></p>"))
            // The answer carries the current revision: approving from it approves the text now shown.
            let current = try #require(try fixture.store.variant(ServerFixture.frX.id))
            #expect(refused.revision == current.contentHash && current.contentHash != ServerFixture.frX.contentHash)
            #expect(current.state == .pendingApproval)
            // A reload sends the same stale form again: refused again, nothing approved.
            let reloaded = try await browser.post(
                Self.frXPath + "/approve", form: [("csrf", stale.csrf ?? ""), ("revision", stale.revision ?? "")])
            #expect(reloaded.status == .conflict && reloaded.body.contains("id=\"changes\""))
            #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
            let fresh = try await browser.post(
                Self.frXPath + "/approve", form: [("csrf", refused.csrf ?? ""), ("revision", refused.revision ?? "")])
            #expect(fresh.status == .seeOther)
        }
        let approvals = try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .approve }
        #expect(approvals.count == 1)
        #expect(approvals.first?.after?.contains(Self.newText) == true)
    }

    @Test func anApproveFormWithoutARevisionApprovesNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.frXPath)
            let refused = try await browser.post(Self.frXPath + "/approve", form: [("csrf", page.csrf ?? "")])
            #expect(refused.status == .conflict && refused.body.contains("names no revision"))
            let garbage = try await browser.post(
                Self.frXPath + "/approve", form: [("csrf", page.csrf ?? ""), ("revision", "0123")])
            #expect(garbage.status == .conflict && garbage.body.contains("id=\"changes\""))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
    }

    @Test func bulkApproveApprovesTheUnchangedAndListsTheChanged() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/")
            let frX = "\(ServerFixture.frX.id)@\(ServerFixture.frX.contentHash)"
            let frFacebook = "\(ServerFixture.frFacebook.id)@\(ServerFixture.frFacebook.contentHash)"
            #expect(queue.body.contains("value=\"\(frX)\"") && queue.body.contains("value=\"\(frFacebook)\""))
            try adminEdits(fixture)
            let done = try await browser.post("/approve", form: [("csrf", queue.csrf ?? ""), ("id", frX), ("id", frFacebook)])
            #expect(done.status == .conflict)
            #expect(done.body.contains("Approved 1 variant."))
            #expect(done.body.contains("id=\"changed\""))
            #expect(done.body.contains("Changed since you loaded the queue: not approved"))
            #expect(done.body.contains(">\(ServerFixture.frX.id)</a> · edit by \(ServerFixture.admin)"))
            #expect(!done.body.contains(">\(ServerFixture.frFacebook.id)</a> ·"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
        #expect(try fixture.store.variant(ServerFixture.frFacebook.id)?.state == .approved)
    }

    @Test func aBoxWithoutARevisionIsListedAsNamingNoneNotAsChanged() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let queue = try await browser.get("/")
            let done = try await browser.post("/approve", form: [("csrf", queue.csrf ?? ""), ("id", ServerFixture.frX.id)])
            #expect(done.status == .conflict && done.body.contains("id=\"changed\""))
            #expect(done.body.contains(">\(ServerFixture.frX.id)</a> · no revision named (a queue page from an older version)"))
            // Nothing changed it since it was stored: its creation is not listed as a change.
            #expect(!done.body.contains(">\(ServerFixture.frX.id)</a> · create by"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .pendingApproval)
    }

    @Test func anEditOverSomeoneElsesNewerEditIsRefusedAndKeepsTheTypedText() async throws {
        let fixture = try ServerFixture()
        let mine = "Votre peau a soif ? Hydra est là."
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let stale = try await browser.get(Self.frXPath)
            try adminEdits(fixture)
            let refused = try await browser.post(
                Self.frXPath + "/edit",
                form: [
                    ("csrf", stale.csrf ?? ""), ("revision", stale.revision ?? ""), ("text", mine), ("link_placement", "reply"),
                ])
            #expect(refused.status == .conflict && refused.body.contains("Nothing was saved"))
            #expect(refused.body.contains(">\(mine)</textarea>"))
            #expect(refused.body.contains("<strong>edit</strong> by \(ServerFixture.admin)"))
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.text == Self.newText)
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .edit }.count == 1)
    }

    @Test func anEditFormWithoutARevisionSavesNothingAndKeepsTheTypedText() async throws {
        let fixture = try ServerFixture()
        let mine = "Votre peau a soif ? Hydra est là."
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let page = try await browser.get(Self.frXPath)
            let refused = try await browser.post(
                Self.frXPath + "/edit", form: [("csrf", page.csrf ?? ""), ("text", mine), ("link_placement", "reply")])
            // Refused in place like a stale edit: the message, the current revision, and the text typed in the form.
            #expect(refused.status == .conflict && refused.body.contains("names no revision"))
            #expect(refused.body.contains(">\(mine)</textarea>"))
            #expect(refused.revision == ServerFixture.frX.contentHash)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.text == ServerFixture.frX.text)
        #expect(try fixture.store.auditEvents(variant: ServerFixture.frX.id).filter { $0.action == .edit }.isEmpty)
    }

    @Test func rejectNeedsNoRevision() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            var browser = BrowserSession(client: client)
            _ = try await browser.login(ServerFixture.france, password: ServerFixture.password)
            let stale = try await browser.get(Self.frXPath)
            try adminEdits(fixture)
            let done = try await browser.post(
                Self.frXPath + "/reject", form: [("csrf", stale.csrf ?? ""), ("reason", "Not for us")])
            #expect(done.status == .seeOther)
        }
        #expect(try fixture.store.variant(ServerFixture.frX.id)?.state == .rejected)
    }
}
