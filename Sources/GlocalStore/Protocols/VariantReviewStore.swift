import Foundation
import GlocalCore

/// The variants as people review them: approve, reject and edit one at a time or in bulk, each with
/// its audit event, and what changed since a revision someone was shown. Every write runs `permit`
/// (the caller's scope and deadline, `ApprovalCheck`) on the variant as read inside its transaction,
/// and names the revision shown where it matters, so a stale page changes nothing.
public protocol VariantReviewStore: VariantStore {
    /// Approves a pending variant if its content is still `revision`; throws `ApprovalError` otherwise.
    func approve(_ id: String, revision: VariantRevision, actor: String, now: Date, permit: ApprovalCheck) throws
    /// Rejects a pending variant with a non-empty `reason`, whatever its revision.
    func reject(_ id: String, reason: String, actor: String, now: Date, permit: ApprovalCheck) throws
    /// Replaces the text and link placement of a variant not yet out (the caller validated them); with
    /// `revision`, refused as stale if the variant changed since. An approved variant goes back to pending.
    @discardableResult
    func edit(
        _ id: String, text: String, linkPlacement: LinkPlacement, basedOn revision: VariantRevision?, actor: String,
        now: Date, permit: ApprovalCheck
    ) throws -> StoredVariant
    /// Approves each pick still at its revision, in one transaction; a pick outside the actor's scope
    /// refuses the whole batch, a stale or undecidable one is skipped and listed.
    func approveAll(
        _ picks: [(id: String, revision: VariantRevision?)], actor: String, now: Date, permit: ApprovalCheck
    ) throws -> BulkApprovalOutcome
    /// Rejects each of `ids` with `reason`, in one transaction, as `approveAll` does.
    func rejectAll(_ ids: [String], reason: String, actor: String, now: Date, permit: ApprovalCheck) throws
        -> BulkApprovalOutcome
    /// What changed in `id` since `revision` was shown; `nil` if there is no such variant.
    func changes(of id: String, since revision: VariantRevision) throws -> RevisionChanges?
    /// How many variants of each campaign are in each state, counting accounts that pass `visible`.
    func campaignProgress(visible: (String) -> Bool) throws -> [String: [VariantState: Int]]
}

extension VariantReviewStore {
    /// Edits `id` whatever its revision (the caller checked it, or there is none to check).
    @discardableResult
    public func edit(
        _ id: String, text: String, linkPlacement: LinkPlacement, actor: String, now: Date, permit: ApprovalCheck
    ) throws -> StoredVariant {
        try edit(id, text: text, linkPlacement: linkPlacement, basedOn: nil, actor: actor, now: now, permit: permit)
    }
}

extension BulkApprovalOutcome {
    /// `current` (the pick `id` as read in the write's transaction, `nil` if gone) if it is to be decided,
    /// judged with the checks of a single decision; `nil` for a pick listed as refused or stale instead. A
    /// pick outside the caller's scope throws `ApprovalError.forbidden`: it refuses the whole batch. Both
    /// stores' bulk decisions call this, so they skip and refuse alike.
    public mutating func admitted(
        _ current: StoredVariant?, id: String, revision: VariantRevision?, checkRevision: Bool, permit: ApprovalCheck
    ) throws -> StoredVariant? {
        guard let current else {
            refused.append((id, ApprovalError.variantNotFound(id).description))
            return nil
        }
        do {
            try permit(current)
        } catch let error as ApprovalError {
            if case .forbidden = error { throw error }
            refused.append((id, error.description))
            return nil
        }
        guard current.state == .pendingApproval else {
            refused.append((id, ApprovalError.wrongState(variantID: id, state: current.state).description))
            return nil
        }
        if checkRevision {
            guard let revision, revision.names(current.contentHash) else {
                stale.append((id, revision?.value ?? ""))
                return nil
            }
        }
        return current
    }
}

extension StoredVariant {
    /// Throws `ApprovalError.staleRevision` when `revision` is given and no longer names this content.
    public func check(shows revision: VariantRevision?) throws {
        guard let revision, !revision.names(contentHash) else { return }
        throw ApprovalError.staleRevision(variantID: id, shown: revision.value, current: contentHash)
    }
}
