import Foundation

/// The approval actions a person takes on a variant.
public enum ApprovalAction: String, Sendable, CaseIterable {
    /// Approve a pending variant for publication.
    case approve
    /// Reject a pending variant, with a reason.
    case reject
    /// Replace a variant's text or link placement.
    case edit
}

/// Whether one person may take one approval action on a variant at an instant: their scope must reach the
/// variant's account (viewers act on none), and an approval must come before the campaign's deadline.
/// The decision alone; the store applies it inside the transaction that writes, to the variant as it is then.
public struct ApprovalPermit: Sendable, Equatable {
    /// Why the action is refused.
    public enum Refusal: Sendable, Equatable {
        /// The variant's account is outside the person's teams, or the person only views.
        case outsideScope
        /// An approval after the deadline, which passed at this instant.
        case pastDeadline(Date)
    }

    /// Who acts.
    public let scope: ApprovalScope
    /// What they do.
    public let action: ApprovalAction
    /// When.
    public let now: Date

    /// The permit of `scope` for `action` at `now`.
    public init(scope: ApprovalScope, action: ApprovalAction, now: Date) {
        self.scope = scope
        self.action = action
        self.now = now
    }

    /// Why the action on `variant`, under its campaign's `policy`, is refused; `nil` when it is allowed.
    public func refusal(for variant: StoredVariant, policy: ApprovalPolicy) -> Refusal? {
        guard scope.canAct(on: variant.accountID) else { return .outsideScope }
        // Rejecting and editing publish nothing, so only approving is bound to the deadline.
        if action == .approve, case .missed(let due) = policy.status(of: variant, now: now) { return .pastDeadline(due) }
        return nil
    }
}
