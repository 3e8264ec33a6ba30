import Foundation

/// One entry of the append-only account audit log: who paused, resumed or connected an account, or
/// set or lifted the global crisis pause, or which account the network refused (needs reconnecting),
/// when, and why.
public struct AccountAuditEvent: Sendable, Equatable {
    /// What was done.
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// One account paused by a person.
        case pause
        /// One account resumed by a person.
        case resume
        /// The global crisis pause set (with a reason).
        case pauseAll = "pause_all"
        /// The global crisis pause lifted.
        case resumeAll = "resume_all"
        /// Credentials stored for an account that had none.
        case connect
        /// Credentials stored again for an account that had some, or that needed reconnecting.
        case reconnect
        /// The network refused the account's token (and its refresh): the dispatcher holds the account's
        /// posts until someone reconnects it. The actor is the dispatcher's worker, the reason the refusal.
        case needsReconnect = "needs_reconnect"

        /// Whether the action concerns every account rather than one.
        public var isGlobal: Bool { self == .pauseAll || self == .resumeAll }
    }

    /// The row id: events are numbered in the order they were written.
    public var id: Int64
    /// When it happened.
    public var at: Date
    /// Who did it (a user's e-mail, `cli:$USER`).
    public var actor: String
    /// The account's id; `nil` for the global pause, which concerns every account.
    public var accountID: String?
    /// What was done.
    public var action: Action
    /// Why, as the person said (required for the global pause).
    public var reason: String?
    /// The "needs reconnect" hold a connect lifted (the network's reason), if there was one.
    public var clearedHold: String?
    /// The dispatcher node that wrote the event (a refusal met while publishing); `nil` for a person's and
    /// for events written before nodes were recorded.
    public var node: String?

    /// Creates an account audit event.
    public init(
        id: Int64, at: Date, actor: String, accountID: String?, action: Action, reason: String? = nil,
        clearedHold: String? = nil, node: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.accountID = accountID
        self.action = action
        self.reason = reason
        self.clearedHold = clearedHold
        self.node = node
    }
}
