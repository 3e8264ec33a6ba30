/// A plain-text overview of a workspace: accounts per network, locales, time zones, teams and campaigns.
public struct WorkspaceOverview: Sendable {
    /// The workspace described.
    public let workspace: Workspace

    /// Creates an overview of `workspace`.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// The overview as aligned text.
    public func render() -> String {
        let accounts = workspace.accounts
        let settings = workspace.settings
        var lines: [String] = []
        lines.append("Workspace \(settings.name.value)\(settings.brand.map { " (\($0))" } ?? "")")
        var perNetwork: [Network: Int] = [:]
        for account in accounts { if let network = account.network { perNetwork[network, default: 0] += 1 } }
        let networkList = perNetwork.keys.sorted().map { "\($0.rawValue) \(perNetwork[$0]!)" }.joined(separator: ", ")
        lines.append("  accounts    \(accounts.count) on \(perNetwork.count) networks: \(networkList)")
        let zones = Set(accounts.compactMap(workspace.declaredTimeZoneID(of:)))
        let usedLocales = Set(accounts.map(\.locale.value))
        lines.append(
            "  locales     \(workspace.locales.count) defined, \(usedLocales.count) used by accounts: \(usedLocales.sorted().joined(separator: " "))"
        )
        lines.append("  time zones  \(zones.count): \(zones.sorted().joined(separator: " "))")
        let teamList = settings.teams.map { team in
            let managed = accounts.filter { account in
                team.accountPatterns.contains { GlobPattern.matches($0.value, account.id.value) }
            }.count
            return "\(team.id.value) (\(managed) accounts, \(team.managers.count) manager\(team.managers.count == 1 ? "" : "s"))"
        }
        lines.append("  teams       \(settings.teams.count): \(teamList.joined(separator: ", "))")
        lines.append(
            "  approval    \(settings.policy.approval.rawValue); promotional share ≤ \(Int((settings.policy.promotionalShare.maxShare * 100).rounded())) % per \(settings.policy.promotionalShare.window)"
        )
        let expander = VariantExpander(workspace: workspace)
        var rows: [[String]] = [["campaign", "kind", "window", "posts", "accounts", "variants"]]
        var total = 0
        for campaign in workspace.campaigns {
            let variants = expander.expand(campaign).variants
            total += variants.count
            rows.append([
                campaign.id.value, campaign.kind.value.rawValue, "\(campaign.window.start.value) → \(campaign.window.end.value)",
                String(campaign.posts.count), String(Set(variants.map(\.accountID)).count), String(variants.count),
            ])
        }
        lines.append("  campaigns   \(workspace.campaigns.count), \(total) variants in all")
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index >= 3 ? pad + cell : cell + pad
            }
            lines.append("    " + cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
