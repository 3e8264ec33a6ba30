/// A local team: the managers who approve the variants of some accounts.
public struct Team: Sendable {
    /// The team's id (its key under `teams:`).
    public var id: Located<String>
    /// Account ids or glob patterns (`lumiere-fr-*`).
    public var accountPatterns: [Located<String>]
    /// E-mail addresses of the team's managers.
    public var managers: [Located<String>]

    /// Creates a team.
    public init(id: Located<String>, accountPatterns: [Located<String>], managers: [Located<String>]) {
        self.id = id
        self.accountPatterns = accountPatterns
        self.managers = managers
    }
}
