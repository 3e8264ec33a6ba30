import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Testing

/// Bulk approve and bulk reject: one transaction each; stale and undecidable variants are skipped and listed,
/// a variant outside the actor's scope refuses the whole batch.
struct VariantApprovalsBulkTests {
    static let start = VariantApprovalsTests.start
    let approvals: VariantApprovals
    let france: ApprovalActor

    static func variant(_ post: String, _ account: String = "lumiere-fr-x", slot: String = "2026-12-01T08:00:00Z")
        -> StoredVariant
    {
        var variant = VariantApprovalsTests.variant(account, .x, text: "Post \(post) for \(account)")
        variant.id = "hydra-launch/\(post)/\(account)"
        variant.postID = post
        variant.contentHash = "hash:\(post):\(account)"
        variant.scheduledAt = try! Date(slot, strategy: .iso8601)
        return variant
    }

    init() throws {
        let store = try SQLiteVariantStore.inMemory()
        let variants = [
            Self.variant("a"), Self.variant("b"), Self.variant("c"), Self.variant("late", slot: "2026-11-21T10:00:00Z"),
            Self.variant("a", "lumiere-uk-x"),
        ]
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.start)
        approvals = VariantApprovals(workspace: VariantApprovalsTests.workspace, store: store)
        france = ApprovalActor(
            name: VariantApprovalsTests.france,
            scope: ApprovalScope(
                email: VariantApprovalsTests.france, role: .manager, teams: VariantApprovalsTests.workspace.settings.teams))
    }

    func state(_ post: String, _ account: String = "lumiere-fr-x") throws -> VariantState? {
        try approvals.store.variant("hydra-launch/\(post)/\(account)")?.state
    }

    func pick(_ post: String, revision: String? = nil) -> (id: String, revision: VariantRevision?) {
        ("hydra-launch/\(post)/lumiere-fr-x", VariantRevision(revision ?? "hash:\(post):lumiere-fr-x"))
    }

    @Test func bulkApproveApprovesTheCurrentOnesAndSkipsAndListsTheStaleAndTheLate() throws {
        // Someone edits b after the queue was shown.
        try approvals.store.edit(
            "hydra-launch/b/lumiere-fr-x", text: "Edited meanwhile", linkPlacement: .reply, actor: "admin", now: Self.start
        ) { _ in }
        let outcome = try approvals.approveAll(
            [pick("a"), pick("b"), pick("c"), pick("late"), ("hydra-launch/c/lumiere-fr-x", nil)], by: france,
            now: Self.start.addingTimeInterval(3600))
        #expect(outcome.decided == ["hydra-launch/a/lumiere-fr-x", "hydra-launch/c/lumiere-fr-x"])
        #expect(outcome.stale.map(\.id) == ["hydra-launch/b/lumiere-fr-x"])
        #expect(outcome.stale.map(\.shown) == ["hash:b:lumiere-fr-x"])
        // Past its deadline (12 h before a 10:00 slot), and c named a second time: refused, with the reason.
        #expect(outcome.refused.map(\.id) == ["hydra-launch/late/lumiere-fr-x", "hydra-launch/c/lumiere-fr-x"])
        #expect(outcome.refused.first?.reason.contains("deadline") == true)
        #expect(try state("a") == .approved && state("c") == .approved)
        #expect(try state("b") == .pendingApproval && state("late") == .pendingApproval)
        let events = try approvals.store.auditEvents(variant: "hydra-launch/a/lumiere-fr-x").filter { $0.action == .approve }
        #expect(events.map(\.actor) == [VariantApprovalsTests.france])
    }

    @Test func aVariantOutsideTheScopeRefusesTheWholeBatch() throws {
        #expect(throws: ApprovalError.forbidden(variantID: "hydra-launch/a/lumiere-uk-x")) {
            try approvals.approveAll(
                [pick("a"), ("hydra-launch/a/lumiere-uk-x", VariantRevision("hash:a:lumiere-uk-x"))], by: france, now: Self.start)
        }
        #expect(throws: ApprovalError.forbidden(variantID: "hydra-launch/a/lumiere-uk-x")) {
            try approvals.rejectAll(
                ["hydra-launch/a/lumiere-fr-x", "hydra-launch/a/lumiere-uk-x"], reason: "No", by: france, now: Self.start)
        }
        // The first pick, in scope, was rolled back with the rest.
        #expect(try state("a") == .pendingApproval && state("a", "lumiere-uk-x") == .pendingApproval)
    }

    @Test func bulkRejectNeedsAReasonAndRecordsItOnEachVariant() throws {
        let ids = ["hydra-launch/a/lumiere-fr-x", "hydra-launch/b/lumiere-fr-x"]
        #expect(throws: ApprovalError.reasonRequired) {
            try approvals.rejectAll(ids, reason: "  \n", by: france, now: Self.start)
        }
        #expect(try state("a") == .pendingApproval)
        let outcome = try approvals.rejectAll(
            ids + ["hydra-launch/nope/lumiere-fr-x"], reason: " Store closed that week ", by: france, now: Self.start)
        #expect(outcome.decided == ids && outcome.stale.isEmpty)
        #expect(outcome.refused.map(\.id) == ["hydra-launch/nope/lumiere-fr-x"])
        for id in ids {
            #expect(try approvals.store.variant(id)?.state == .rejected)
            #expect(try approvals.store.auditEvents(variant: id).last?.reason == "Store closed that week")
        }
    }
}
