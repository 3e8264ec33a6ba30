/// Which accounts a campaign (or a post) goes to. Every given list must match (AND); inside a list, any (OR).
public struct CampaignTargets: Sendable {
    /// Accounts carrying any of these tags.
    public var tags: [Located<String>] = []
    /// Accounts on any of these networks.
    public var networks: [Located<String>] = []
    /// Accounts whose id matches any of these ids or glob patterns.
    public var accounts: [Located<String>] = []
    /// Accounts in any of these locales.
    public var locales: [Located<String>] = []
    /// Accounts to leave out (ids or glob patterns).
    public var exclude: [Located<String>] = []
    /// Where `targets:` is written.
    public var location: SourceLocation?

    /// Creates targets; an empty value targets every account.
    public init() {}

    /// Whether the targets select `account`.
    public func selects(_ account: Account) -> Bool {
        if !tags.isEmpty, !tags.contains(where: { account.hasTag($0.value) }) { return false }
        if !networks.isEmpty, !networks.contains(where: { $0.value == account.network?.rawValue }) { return false }
        if !accounts.isEmpty, !accounts.contains(where: { GlobPattern.matches($0.value, account.id.value) }) {
            return false
        }
        if !locales.isEmpty, !locales.contains(where: { $0.value == account.locale.value }) { return false }
        if exclude.contains(where: { GlobPattern.matches($0.value, account.id.value) }) { return false }
        return true
    }
}
