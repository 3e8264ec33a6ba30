import Foundation
import GlocalCore
import GlocalStore

/// Bulk approve and bulk reject from the manager's queue: each batch is one store transaction. The actor's
/// scope is checked on every variant first (one outside it refuses the whole batch, nothing written); a
/// variant changed since the queue was shown, past its deadline or no longer pending is skipped and listed
/// while the rest of the batch is decided.
extension VariantApprovals {
    /// Approves each pick whose content is still the revision shown; see `VariantReviewStore.approveAll`.
    public func approveAll(
        _ picks: [(id: String, revision: VariantRevision?)], by actor: ApprovalActor, now: Date
    ) throws -> BulkApprovalOutcome {
        try store.approveAll(picks, actor: actor.name, now: now, permit: permit(for: actor.scope, action: .approve, now: now))
    }

    /// Rejects each of `ids` with `reason` (required, as for a single reject); see `VariantReviewStore.rejectAll`.
    public func rejectAll(
        _ ids: [String], reason: String, by actor: ApprovalActor, now: Date
    ) throws -> BulkApprovalOutcome {
        try store.rejectAll(
            ids, reason: reason, actor: actor.name, now: now, permit: permit(for: actor.scope, action: .reject, now: now))
    }
}
