/// Which accounts one user may see and act on, from their role and glocal.yaml's teams.
///
/// Computed per request from the workspace the server loaded, so a change of teams needs no
/// change in the store.
public struct ApprovalScope: Sendable, Equatable {
    /// The user's e-mail address.
    public let email: String
    /// The user's role.
    public let role: UserRole
    /// The account patterns of the manager's teams (empty for admins and viewers).
    public let accountPatterns: [String]
    /// The ids of the manager's teams, for display.
    public let teams: [String]

    /// The scope of `email` with `role` in a workspace with `teams`. Managers' addresses compare
    /// case-insensitively, as e-mail domains do.
    public init(email: String, role: UserRole, teams: [Team]) {
        self.email = email
        self.role = role
        let mine = role == .manager ? teams.filter { $0.managers.contains { $0.value.lowercased() == email.lowercased() } } : []
        self.accountPatterns = mine.flatMap { $0.accountPatterns.map(\.value) }
        self.teams = mine.map(\.id.value)
    }

    /// Whether the user may see the variants of `accountID`.
    public func canSee(account accountID: String) -> Bool {
        switch role {
        case .admin, .viewer: return true
        case .manager: return accountPatterns.contains { GlobPattern.matches($0, accountID) }
        }
    }

    /// Whether the user may approve, reject or edit the variants of `accountID`.
    public func canAct(on accountID: String) -> Bool {
        role != .viewer && canSee(account: accountID)
    }

    /// Whether the user sees every account (no filtering needed).
    public var seesEverything: Bool { role != .manager }
}
