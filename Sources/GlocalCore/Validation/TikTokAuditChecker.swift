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
                guard let accounts = accountsByPost["\(campaign.id.value)/\(post.id.value)"] else { continue }
                let override = post.overrides.first { $0.network.value == .tiktok }
                let level = override?.tiktok?.privacyLevel
                guard (level?.value ?? .publicToEveryone) != .selfOnly else { continue }
                let names = accounts.sorted()
                let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
                diagnostics.append(
                    Diagnostic(
                        .warning, .tiktokUnaudited,
                        "tiktok: post '\(post.id.value)' asks \(level?.value.rawValue ?? "PUBLIC_TO_EVERYONE") on unaudited "
                            + "account\(names.count == 1 ? "" : "s") \(shown)",
                        at: level?.location ?? override?.network.location ?? post.id.location,
                        notes: [
                            "TikTok refuses anything but SELF_ONLY from an app it has not audited "
                                + "(unaudited_client_can_only_post_to_private_accounts)",
                            "set privacy_level: SELF_ONLY in the post's tiktok override, or remove unaudited once TikTok "
                                + "has audited the app",
                        ], network: .tiktok, account: names.count == 1 ? names[0] : nil))
            }
        }
    }
}
