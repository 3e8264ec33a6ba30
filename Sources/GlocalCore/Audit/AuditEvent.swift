import Foundation

/// One entry of the append-only audit log: who did what to a variant, when, and what it looked like
/// before and after.
public struct AuditEvent: Sendable, Equatable {
    /// What was done to the variant.
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// Stored by `apply` for the first time.
        case create
        /// Content, slot or explanation changed by `apply`.
        case update
        /// Withdrawn by `apply` because its post left the campaign.
        case cancel
        /// Moved to another state (approval, publishing, …).
        case setState = "set_state"
        /// Text or link placement edited by a manager.
        case edit
        /// Approved by a manager.
        case approve
        /// Rejected by a manager, with a reason.
        case reject
    }

    /// The row id: events are numbered in the order they were written.
    public var id: Int64
    /// When it happened.
    public var at: Date
    /// Who did it (a user's e-mail, `cli`, `dispatcher`, …).
    public var actor: String
    /// The variant's id.
    public var variantID: String
    /// What was done.
    public var action: Action
    /// The state before (`nil` for a create).
    public var fromState: VariantState?
    /// The state after.
    public var toState: VariantState?
    /// The content, slot and state before, as a JSON object (`nil` for a create).
    public var before: String?
    /// The content, slot and state after, as a JSON object.
    public var after: String?
    /// Why (a rejection's reason), if given.
    public var reason: String?
    /// The dispatcher node that wrote the event (`glocal run --node-id`), for the dispatcher's own events;
    /// `nil` for a person's and for events written before nodes were recorded.
    public var node: String?

    /// Creates an audit event.
    public init(
        id: Int64, at: Date, actor: String, variantID: String, action: Action, fromState: VariantState?,
        toState: VariantState?, before: String?, after: String?, reason: String? = nil, node: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.variantID = variantID
        self.action = action
        self.fromState = fromState
        self.toState = toState
        self.before = before
        self.after = after
        self.reason = reason
        self.node = node
    }
}
