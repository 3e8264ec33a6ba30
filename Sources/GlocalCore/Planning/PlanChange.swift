import Foundation

/// What applying a plan does to one variant.
public enum PlanAction: String, Sendable, Codable, CaseIterable {
    /// New variant: stored in its initial state.
    case create
    /// Content or time changed: updated; a content change sends an approved variant back to approval.
    case update
    /// Its post left the campaign: an unpublished variant is cancelled.
    case cancel
    /// Nothing to do.
    case keep
    /// It differs from the YAML but is published (or in flight), so it is left as it is.
    case frozen
}

/// One line of a plan: the action, the desired and stored versions, and what differs.
public struct PlanChange: Sendable {
    /// What apply will do.
    public var action: PlanAction
    /// The variant's id.
    public var id: String
    /// The desired variant (absent for a cancel).
    public var desired: StoredVariant?
    /// The stored variant (absent for a create).
    public var stored: StoredVariant?
    /// Whether the approved content changes.
    public var contentChanged: Bool
    /// Whether the slot changes.
    public var timeChanged: Bool

    /// Creates a change.
    public init(
        action: PlanAction, id: String, desired: StoredVariant?, stored: StoredVariant?, contentChanged: Bool, timeChanged: Bool
    ) {
        self.action = action
        self.id = id
        self.desired = desired
        self.stored = stored
        self.contentChanged = contentChanged
        self.timeChanged = timeChanged
    }

    /// The state the variant will be in after apply.
    public var resultingState: VariantState? {
        switch action {
        case .create: return desired?.state
        case .update:
            guard let stored else { return desired?.state }
            // A post put back after it was cancelled starts over.
            if stored.state == .cancelled { return desired?.state }
            if contentChanged, [.approved, .scheduled, .rejected, .missed].contains(stored.state) { return .pendingApproval }
            return stored.state
        case .cancel: return .cancelled
        case .keep, .frozen: return stored?.state
        }
    }
}

/// Everything applying would change, like a Terraform plan.
public struct Plan: Sendable {
    /// Every variant's change, sorted by id.
    public var changes: [PlanChange]
    /// Diagnostics met while scheduling (an unschedulable post, say).
    public var diagnostics: [Diagnostic]

    /// Creates a plan.
    public init(changes: [PlanChange], diagnostics: [Diagnostic] = []) {
        self.changes = changes
        self.diagnostics = diagnostics
    }

    /// How many changes have `action`.
    public func count(_ action: PlanAction) -> Int { changes.lazy.filter { $0.action == action }.count }

    /// Whether applying would change nothing.
    public var isEmpty: Bool { changes.allSatisfy { $0.action == .keep || $0.action == .frozen } }
}
