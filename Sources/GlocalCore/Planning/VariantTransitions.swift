/// The variant state machine (docs/architecture.md): which state changes a store accepts. Every writer
/// (CLI, web UI, dispatcher) moves a variant through it; the store applies the move guarded by the
/// state it read.
///
/// `apply` does not go through this table: a content edit may send any reviewed variant back to
/// `pending_approval`, and it never touches a published or in-flight one.
public enum VariantTransitions {
    /// Whether a variant in `from` may move to `to`.
    public static func allows(_ from: VariantState, _ to: VariantState) -> Bool {
        next[from, default: []].contains(to)
    }

    /// The states a variant in `state` may move to (none for a final one but `rejected`).
    public static func targets(from state: VariantState) -> Set<VariantState> { next[state, default: []] }

    private static let next: [VariantState: Set<VariantState>] = [
        .draft: [.pendingApproval, .approved, .cancelled],
        .pendingApproval: [.draft, .approved, .rejected, .cancelled],
        .approved: [.pendingApproval, .scheduled, .publishing, .cancelled, .missed],
        // `failed` only for a job set aside as a crash loop before it sent anything (`RescuePolicy`).
        .scheduled: [.pendingApproval, .approved, .publishing, .cancelled, .missed, .failed],
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

extension VariantState {
    /// Whether the state machine lets a variant in this state move to `state`.
    public func canMove(to state: VariantState) -> Bool { VariantTransitions.allows(self, state) }
}
