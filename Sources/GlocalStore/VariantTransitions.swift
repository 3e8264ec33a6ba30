import GlocalCore

/// Which state changes `SQLiteVariantStore.setState` accepts (ARCHITECTURE.md, variant state machine).
///
/// `apply` does not go through this table: a content edit may send any reviewed variant back to
/// `pending_approval`, and it never touches a published or in-flight one.
enum VariantTransitions {
    /// Whether a variant in `from` may move to `to`.
    static func allows(_ from: VariantState, _ to: VariantState) -> Bool {
        next[from, default: []].contains(to)
    }

    private static let next: [VariantState: Set<VariantState>] = [
        .draft: [.pendingApproval, .approved, .cancelled],
        .pendingApproval: [.draft, .approved, .rejected, .cancelled],
        .approved: [.pendingApproval, .scheduled, .publishing, .cancelled, .missed],
        .scheduled: [.pendingApproval, .approved, .publishing, .cancelled, .missed],
        // Back to `scheduled` only on an answer that proves the post was not taken (429, refused token).
        .publishing: [.published, .failed, .unknown, .scheduled],
        // Reconciliation settles an unknown outcome: found on the network, refused, or not there (so
        // it is sent again).
        .unknown: [.published, .failed, .scheduled, .publishing],
        .rejected: [.pendingApproval],
        .missed: [.pendingApproval, .approved, .scheduled, .cancelled],
        .published: [],
        .cancelled: [],
        .failed: [],
    ]
}
