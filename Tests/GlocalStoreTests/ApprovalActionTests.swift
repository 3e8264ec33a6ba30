import Foundation
import GlocalCore
import Testing

@testable import GlocalStore

/// Approve, reject and edit on a real SQLite store: state changes, audit events, permits, and
/// `apply` keeping a local edit.
struct ApprovalActionTests {
    let now = StoreFixtures.now
    let manager = "claire.martin@lumiere.example"

    @Test func approveMovesAPendingVariantAndRecordsWho() throws {
        let variant = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [variant])
        try store.approve(variant.id, revision: VariantRevision(of: variant.contentHash), actor: manager, now: now) { _ in }
        #expect(try store.variant(variant.id)?.state == .approved)
        let event = try #require(try store.auditEvents(variant: variant.id).last)
        #expect(
            event.action == .approve && event.actor == manager && event.fromState == .pendingApproval
                && event.toState == .approved)
        #expect(throws: ApprovalError.wrongState(variantID: variant.id, state: .approved)) {
            try store.approve(variant.id, revision: VariantRevision(of: variant.contentHash), actor: manager, now: now) { _ in }
        }
    }

    @Test func aRefusingPermitWritesNothing() throws {
        let variant = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [variant])
        #expect(throws: ApprovalError.forbidden(variantID: variant.id)) {
            try store.approve(
                variant.id, revision: VariantRevision(of: variant.contentHash),
                actor: manager, now: now
            ) { throw ApprovalError.forbidden(variantID: $0.id) }
        }
        #expect(try store.variant(variant.id)?.state == .pendingApproval)
        #expect(try store.auditEvents().count == 1)
    }

    @Test func rejectNeedsAReasonAndKeepsIt() throws {
        let variant = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [variant])
        #expect(throws: ApprovalError.reasonRequired) {
            try store.reject(variant.id, reason: "  ", actor: manager, now: now) { _ in }
        }
        try store.reject(variant.id, reason: "Wrong store address", actor: manager, now: now) { _ in }
        #expect(try store.variant(variant.id)?.state == .rejected)
        #expect(try store.auditEvents(variant: variant.id).last?.reason == "Wrong store address")
    }

    @Test func anEditIsAuditedWithBeforeAndAfterAndSendsAnApprovedVariantBack() throws {
        let variant = StoreFixtures.variant(state: .approved)
        let store = try StoreFixtures.store(with: [variant])
        let edited = try store.edit(variant.id, text: "Nouveau texte", linkPlacement: .none, actor: manager, now: now) { _ in }
        #expect(edited.state == .pendingApproval)
        let stored = try #require(try store.variant(variant.id))
        #expect(stored.text == "Nouveau texte" && stored.linkPlacement == LinkPlacement.none)
        #expect(stored.contentHash != variant.contentHash && stored.sourceHash == variant.contentHash)
        let event = try #require(try store.auditEvents(variant: variant.id).last)
        #expect(event.action == .edit && event.actor == manager)
        #expect(event.before?.contains("Découvrez Hydra") == true && event.after?.contains("Nouveau texte") == true)
    }

    @Test func applyKeepsALocalEditUntilTheYAMLChanges() throws {
        let variant = StoreFixtures.variant()
        let store = try StoreFixtures.store(with: [variant])
        try store.edit(variant.id, text: "Texte local", linkPlacement: .firstComment, actor: manager, now: now) { _ in }
        let edited = try #require(try store.variant(variant.id))
        // The planner compares the YAML with the planned hash: unchanged YAML keeps the edit.
        #expect(edited.plannedHash == variant.contentHash)
        var moved = variant
        moved.scheduledAt = StoreFixtures.date("2026-12-02T08:00:00Z")
        try store.apply(StoreFixtures.updating(edited, to: moved), actor: "apply", now: now)
        let afterSlotChange = try #require(try store.variant(variant.id))
        #expect(afterSlotChange.text == "Texte local" && afterSlotChange.scheduledAt == moved.scheduledAt)
        var rewritten = moved
        rewritten.text = "Nouveau texte global"
        rewritten.contentHash = "hash:new"
        try store.apply(StoreFixtures.updating(afterSlotChange, to: rewritten), actor: "apply", now: now)
        let afterYAMLChange = try #require(try store.variant(variant.id))
        #expect(afterYAMLChange.text == "Nouveau texte global" && afterYAMLChange.sourceHash == nil)
    }

    @Test func queriesFilterByVisibleAccounts() throws {
        let fr = StoreFixtures.variant()
        let uk = StoreFixtures.variant(account: "lumiere-uk-instagram")
        let store = try StoreFixtures.store(with: [fr, uk])
        #expect(try store.variants(in: .pendingApproval).map(\.id) == [fr.id, uk.id])
        #expect(try store.variants(in: .pendingApproval) { $0.hasPrefix("lumiere-uk") }.map(\.id) == [uk.id])
        #expect(try store.variants(campaign: "hydra-launch") { $0.hasPrefix("lumiere-fr") }.map(\.id) == [fr.id])
        #expect(try store.recentAuditEvents(limit: 10) { $0.hasPrefix("lumiere-uk") }.map(\.variantID) == [uk.id])
        #expect(try store.campaignProgress()["hydra-launch"]?[.pendingApproval] == 2)
    }
}
