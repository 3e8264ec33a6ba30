import GlocalCore
import GlocalStore

/// What `glocal explain` says of a stored variant's publishing when a person must act (docs/operations.md, Outcomes):
/// the dispatcher gave it up with its outcome unknown (what to look for), or it went out without its link (what to
/// add by hand). Read from the variant's audit history, where the queue writes both.
public enum PublishingNote {
    /// The note for `variantID` in `store`, or `nil` when its publishing needs nobody (or it is not stored).
    public static func of(_ variantID: String, in store: some VariantStore & AuditTrail) throws -> String? {
        guard let stored = try store.variant(variantID) else { return nil }
        switch stored.state {
        case .unknown:
            guard let giveUp = UnknownOutcomeGiveUp.latest(in: try store.auditEvents(variant: variantID)) else { return nil }
            return "given up, outcome unknown: \(giveUp.reason). "
                + UnknownOutcomeGiveUp.advice(accountID: stored.accountID, network: stored.network)
        case .published:
            return LinkReplyFailure.latestNote(in: try store.auditEvents(variant: variantID))
        case .draft, .pendingApproval, .approved, .scheduled, .publishing, .rejected, .cancelled, .failed, .missed:
            return nil
        }
    }
}
