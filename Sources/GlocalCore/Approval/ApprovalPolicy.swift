import Foundation

/// The approval rule that applies to one campaign: the campaign's mode and deadline, else the workspace's.
public struct ApprovalPolicy: Sendable, Equatable {
    /// Whether a manager must approve.
    public var mode: ApprovalMode
    /// How long before its slot a variant must be approved; `nil`: until the slot.
    public var deadline: GlocalDuration?

    /// Creates a policy.
    public init(mode: ApprovalMode, deadline: GlocalDuration?) {
        self.mode = mode
        self.deadline = deadline
    }

    /// The policy of `campaignID` in `workspace` (the workspace's when the campaign is unknown).
    public init(campaignID: String, in workspace: Workspace) {
        let policy = workspace.settings.policy
        let campaign = workspace.campaigns.first { $0.id.value == campaignID }
        self.init(mode: campaign?.approval ?? policy.approval, deadline: campaign?.approvalDeadline ?? policy.approvalDeadline)
    }

    /// The last instant at which a variant scheduled at `slot` may still be approved; `nil` for a live post.
    public func deadline(forSlot slot: Date?) -> Date? {
        guard let slot else { return nil }
        return slot.addingTimeInterval(-TimeInterval(deadline?.seconds ?? 0))
    }

    /// Where a variant stands against its deadline at `now`.
    public func status(of variant: StoredVariant, now: Date) -> ApprovalDeadlineStatus {
        guard variant.state == .pendingApproval, let due = deadline(forSlot: variant.scheduledAt) else { return .notApplicable }
        return now > due ? .missed(due) : .open(due)
    }
}

/// A pending variant's position against its approval deadline.
public enum ApprovalDeadlineStatus: Sendable, Equatable {
    /// Not pending, or live (goes when approved): no deadline.
    case notApplicable
    /// May still be approved until this instant.
    case open(Date)
    /// The deadline passed at this instant: the variant will not be published.
    case missed(Date)

    /// Whether the deadline has passed.
    public var isMissed: Bool { if case .missed = self { return true } else { return false } }

    /// Why a missed variant will not go out, for the UI and `glocal pending`.
    public func explanation(policy: ApprovalPolicy) -> String? {
        guard case .missed = self else { return nil }
        let hours = policy.deadline.map { "\($0)" } ?? "0m"
        return "not approved \(hours) before its slot (the approval deadline): it will not be published"
    }
}
