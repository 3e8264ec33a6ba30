import GlocalCore

/// Who acts on variants: the name written to the audit log and what they may see and do.
public struct ApprovalActor: Sendable, Equatable {
    /// The audit log's actor: a user's e-mail address, or `cli:$USER`.
    public let name: String
    /// What they may see and do.
    public let scope: ApprovalScope

    /// An actor.
    public init(name: String, scope: ApprovalScope) {
        self.name = name
        self.scope = scope
    }
}
