/// Which accounts are siblings (docs/scheduling.md, "Spread"): accounts of one network and locale, and
/// accounts one team covers. Siblings keep `sibling_gap` between their posts, so a brand's local
/// accounts do not go out together.
public struct SiblingGroups: Sendable, Hashable {
    /// The group keys of each account id: `network|locale` and `team:<id>` for each team covering it.
    public let keysByAccount: [String: [String]]

    /// Groups the accounts of `workspace`.
    public init(workspace: Workspace) {
        var keys: [String: [String]] = [:]
        for account in workspace.accounts {
            let id = account.id.value
            var own = account.network.map { [Self.networkLocaleKey($0, account.locale.value)] } ?? []
            for team in workspace.settings.teams
            where team.accountPatterns.contains(where: { GlobPattern.matches($0.value, id) }) {
                own.append("team:" + team.id.value)
            }
            keys[id] = own
        }
        keysByAccount = keys
    }

    /// Groups given directly (tests, or a ledger without a workspace).
    public init(keysByAccount: [String: [String]] = [:]) { self.keysByAccount = keysByAccount }

    /// The group keys of `account`; none when unknown.
    public func keys(of account: String) -> [String] { keysByAccount[account] ?? [] }

    /// Whether two distinct accounts share a group.
    public func areSiblings(_ first: String, _ second: String) -> Bool {
        guard first != second else { return false }
        let other = keys(of: second)
        return keys(of: first).contains { other.contains($0) }
    }

    /// The key of accounts of `network` in `locale`.
    public static func networkLocaleKey(_ network: Network, _ locale: String) -> String { network.rawValue + "|" + locale }

    /// The key, said in words: `the X accounts in fr-FR` or `team france`.
    public static func describe(_ key: String) -> String {
        if key.hasPrefix("team:") { return "team " + key.dropFirst(5) }
        let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let network = Network(rawValue: parts[0]) else { return key }
        return "the \(network.displayName) accounts in \(parts[1])"
    }
}
