/// Which accounts are siblings (docs/scheduling.md, "Spread"): accounts of one network and locale, and
/// accounts one team covers. Siblings keep `sibling_gap` between their posts, so a brand's local
/// accounts do not go out together.
public struct SiblingGroups: Sendable, Hashable {
    /// The group keys of each account id: `network|locale` and `team:<id>` for each team covering it.
    public let keysByAccount: [String: [String]]
    /// Every group key, numbered: the ledger keeps one list per number.
    let names: [String]
    /// Each account's number and its groups' numbers, so the search compares integers, not strings.
    let members: [String: Member]
    /// Account ids by number.
    let accountNames: [String]

    /// An account as the ledger sees it.
    struct Member: Sendable, Hashable {
        var account: Int
        var groups: [Int]
    }

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
        self.init(keysByAccount: keys)
    }

    /// Groups given directly (tests, or a ledger without a workspace).
    public init(keysByAccount: [String: [String]] = [:]) {
        self.keysByAccount = keysByAccount
        var numbers: [String: Int] = [:]
        var names: [String] = []
        var members: [String: Member] = [:]
        let accounts = keysByAccount.keys.sorted()
        for (index, account) in accounts.enumerated() {
            let groups = keysByAccount[account]!.map { key -> Int in
                if let number = numbers[key] { return number }
                numbers[key] = names.count
                names.append(key)
                return names.count - 1
            }
            members[account] = Member(account: index, groups: groups)
        }
        self.names = names
        self.members = members
        accountNames = accounts
    }

    /// The account's number and groups; an unknown account has a number of its own and no group.
    func member(_ account: String) -> Member { members[account] ?? Member(account: -1, groups: []) }

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
