/// Warns where a TikTok post asks for more than `SELF_ONLY` on an account marked `unaudited: true`: TikTok
/// restricts every post of an app it has not audited to private viewing (docs/networks.md, TikTok).
struct TikTokAuditChecker: Sendable {
    let workspace: Workspace

    /// One warning per post and privacy level, naming the unaudited accounts it targets.
    func check(_ planned: [PlannedPost], into diagnostics: inout [Diagnostic]) {
        let unaudited = Set(workspace.accounts.filter { $0.network == .tiktok && $0.unaudited }.map(\.id.value))
        guard !unaudited.isEmpty else { return }
        var accountsByPost: [String: Set<String>] = [:]
        for post in planned where post.network == .tiktok && unaudited.contains(post.accountID) {
            accountsByPost["\(post.campaignID)/\(post.postID)", default: []].insert(post.accountID)
        }
        for campaign in workspace.campaigns {
            for post in campaign.posts {
                guard let accounts = accountsByPost["\(campaign.id.value)/\(post.id.value)"], !accounts.isEmpty else {
                    continue
                }
                let override = post.overrides.first { $0.network.value == .tiktok }
                let level = override?.tiktok?.privacyLevel
                guard (level?.value ?? .publicToEveryone) != .selfOnly else { continue }
                let names = accounts.sorted()
                let head =
                    "tiktok/\(names[0])"
                    + (names.count > 1 ? " and \(names.count - 1) more account\(names.count == 2 ? "" : "s")" : "")
                let others = names.count > 1 ? ["accounts: " + names.joined(separator: ", ")] : []
                diagnostics.append(
                    Diagnostic(
                        .warning, .tiktokUnaudited,
                        "\(head): post '\(DiagnosticText.cut(post.id.value))' asks "
                            + "\(level?.value.rawValue ?? "PUBLIC_TO_EVERYONE") on an unaudited account",
                        at: level?.location ?? override?.network.location ?? post.id.location,
                        notes: [
                            "TikTok refuses anything but SELF_ONLY from an app it has not audited "
                                + "(unaudited_client_can_only_post_to_private_accounts)",
                            "set privacy_level: SELF_ONLY in the post's tiktok override, or remove unaudited once TikTok "
                                + "has audited the app",
                        ] + others, network: .tiktok, account: names[0]))
            }
        }
    }
}
