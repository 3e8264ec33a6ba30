import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// The review side of the contract: approve, reject and edit name the revision shown and run the
/// caller's check inside the write; a refused or stale action writes nothing; bulk decisions are one
/// transaction.
extension StoreContractTests {
    static func allowed(_ variant: StoredVariant) {}

    func revision(_ variant: StoredVariant) -> VariantRevision { VariantRevision(of: variant.contentHash) }

    @Test(arguments: StoreBackend.allCases)
    func anApprovalOfAStaleRevisionWritesNothing(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .pendingApproval)
        let store = try store(backend, with: [variant])
        let before = try store.audit.auditEvents(variant: variant.id)
        #expect(
            throws: ApprovalError.staleRevision(variantID: variant.id, shown: "hash:older text", current: variant.contentHash)
        ) {
            try store.review.approve(
                variant.id, revision: VariantRevision(of: "hash:older text"), actor: "claire", now: StoreFixtures.now,
                permit: Self.allowed)
        }
        #expect(try store.variants.variant(variant.id)?.state == .pendingApproval)
        #expect(try store.audit.auditEvents(variant: variant.id) == before)

        try store.review.approve(
            variant.id, revision: revision(variant), actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(try store.variants.variant(variant.id)?.state == .approved)
        let last = try #require(try store.audit.auditEvents(variant: variant.id).last)
        #expect(last.action == .approve && last.actor == "claire" && last.toState == .approved)
    }

    @Test(arguments: StoreBackend.allCases)
    func aRejectionNeedsAReasonAndTheCallersCheckRunsInsideTheWrite(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .pendingApproval)
        let store = try store(backend, with: [variant])
        let before = try store.audit.auditEvents(variant: nil)
        #expect(throws: ApprovalError.reasonRequired) {
            try store.review.reject(variant.id, reason: "  ", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        }
        var checked: [String] = []
        #expect(throws: ApprovalError.forbidden(variantID: variant.id)) {
            try store.review.reject(variant.id, reason: "off brand", actor: "mallory", now: StoreFixtures.now) { current in
                checked.append(current.id)
                throw ApprovalError.forbidden(variantID: current.id)
            }
        }
        #expect(checked == [variant.id], "the check sees the variant as stored")
        #expect(try store.variants.variant(variant.id)?.state == .pendingApproval)
        #expect(try store.audit.auditEvents(variant: nil) == before)

        try store.review.reject(
            variant.id, reason: "Store closed that day", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(try store.variants.variant(variant.id)?.state == .rejected)
        #expect(try store.audit.auditEvents(variant: variant.id).last?.reason == "Store closed that day")
    }

    @Test(arguments: StoreBackend.allCases)
    func anEditBasedOnAStaleRevisionIsRefusedAndChangesSinceARevisionAreTold(backend: StoreBackend) throws {
        let variant = StoreFixtures.variant(state: .approved)
        let store = try store(backend, with: [variant])
        let edited = try store.review.edit(
            variant.id, text: "Paris, votre peau a soif ? Hydra arrive.", linkPlacement: .inline,
            basedOn: revision(variant), actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(edited.text == "Paris, votre peau a soif ? Hydra arrive.")
        #expect(edited.contentHash != variant.contentHash)
        #expect(edited.state == .pendingApproval, "an edited approval is approved again only by approve")
        let stored = try #require(try store.variants.variant(variant.id))
        #expect(stored.text == edited.text && stored.contentHash == edited.contentHash)

        let events = try store.audit.auditEvents(variant: nil).count
        #expect(
            throws: ApprovalError.staleRevision(variantID: variant.id, shown: variant.contentHash, current: edited.contentHash)
        ) {
            try store.review.edit(
                variant.id, text: "Une autre idée.", linkPlacement: .inline, basedOn: revision(variant), actor: "paul",
                now: StoreFixtures.now, permit: Self.allowed)
        }
        #expect(try store.variants.variant(variant.id)?.text == edited.text)
        #expect(try store.audit.auditEvents(variant: nil).count == events)

        let changes = try #require(try store.review.changes(of: variant.id, since: revision(variant)))
        #expect(changes.shownText == variant.text)
        #expect(changes.current.text == edited.text)
        #expect(changes.events.map(\.action) == [.edit])
        #expect(changes.events.first?.actor == "claire")
        #expect(try store.review.changes(of: "no/such/variant", since: revision(variant)) == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func aBulkApprovalDecidesTheCurrentOnesAndListsTheStaleOnesInOneWrite(backend: StoreBackend) throws {
        let first = StoreFixtures.variant(post: "teaser")
        let second = StoreFixtures.variant(post: "launch")
        let third = StoreFixtures.variant(post: "reminder")
        let approved = StoreFixtures.variant(post: "recap", state: .approved)
        let store = try store(backend, with: [first, second, third, approved])
        let outcome = try store.review.approveAll(
            [
                (first.id, revision(first)), (second.id, VariantRevision(of: "hash:older text")), (third.id, nil),
                (approved.id, revision(approved)),
            ], actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(outcome.decided == [first.id])
        #expect(outcome.stale.map(\.id) == [second.id, third.id])
        #expect(outcome.stale.map(\.shown) == ["hash:older text", ""])
        #expect(outcome.refused.map(\.id) == [approved.id])
        #expect(try store.variants.variant(first.id)?.state == .approved)
        #expect(try store.variants.variant(second.id)?.state == .pendingApproval)
        #expect(try store.variants.variant(third.id)?.state == .pendingApproval)
    }

    @Test(arguments: StoreBackend.allCases)
    func aBulkDecisionListsAnUnknownVariantAsRefusedAndDecidesTheRest(backend: StoreBackend) throws {
        let known = StoreFixtures.variant(post: "teaser")
        let store = try store(backend, with: [known])
        let approval = try store.review.approveAll(
            [("no/such/variant", nil), (known.id, revision(known))], actor: "claire", now: StoreFixtures.now,
            permit: Self.allowed)
        #expect(approval.decided == [known.id])
        #expect(approval.refused.map(\.id) == ["no/such/variant"])
        #expect(approval.refused.first?.reason == ApprovalError.variantNotFound("no/such/variant").description)
        let rejection = try store.review.rejectAll(
            ["gone/too"], reason: "recall", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(rejection.decided.isEmpty && rejection.refused.map(\.id) == ["gone/too"])
    }

    @Test(arguments: StoreBackend.allCases)
    func oneVariantOutsideTheCallersScopeRefusesTheWholeBatch(backend: StoreBackend) throws {
        let mine = StoreFixtures.variant(account: "lumiere-fr-instagram")
        let theirs = StoreFixtures.variant(account: "lumiere-uk-x", network: .x)
        let store = try store(backend, with: [mine, theirs])
        let before = try store.audit.auditEvents(variant: nil)
        let frenchTeamOnly: ApprovalCheck = { variant in
            guard variant.accountID.hasPrefix("lumiere-fr-") else { throw ApprovalError.forbidden(variantID: variant.id) }
        }
        #expect(throws: ApprovalError.forbidden(variantID: theirs.id)) {
            try store.review.rejectAll(
                [mine.id, theirs.id], reason: "recall", actor: "claire", now: StoreFixtures.now, permit: frenchTeamOnly)
        }
        #expect(try store.variants.variant(mine.id)?.state == .pendingApproval, "nothing of the batch is written")
        #expect(try store.audit.auditEvents(variant: nil) == before)

        let outcome = try store.review.rejectAll(
            [mine.id, theirs.id], reason: "recall", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        #expect(outcome.decided == [mine.id, theirs.id])
        #expect(try store.variants.variants(in: .rejected, visible: { _ in true }).map(\.id).sorted() == [mine.id, theirs.id])
        #expect(throws: ApprovalError.reasonRequired) {
            try store.review.rejectAll([mine.id], reason: "", actor: "claire", now: StoreFixtures.now, permit: Self.allowed)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func campaignProgressCountsTheVisibleVariantsByState(backend: StoreBackend) throws {
        let store = try store(
            backend,
            with: [
                StoreFixtures.variant(post: "teaser"), StoreFixtures.variant(post: "launch", state: .approved),
                StoreFixtures.variant(post: "recap", account: "lumiere-uk-x", network: .x, state: .approved),
            ])
        #expect(
            try store.review.campaignProgress(visible: { _ in true }) == ["hydra-launch": [.pendingApproval: 1, .approved: 2]])
        #expect(
            try store.review.campaignProgress(visible: { $0.hasPrefix("lumiere-uk-") }) == ["hydra-launch": [.approved: 1]])
    }
}
