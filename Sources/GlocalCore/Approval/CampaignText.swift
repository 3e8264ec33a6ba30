/// The global (default-locale) text of a campaign's post, to compare a local variant with.
public enum CampaignText {
    /// The post's text on `network` in the workspace's default locale, as written (templates unfilled);
    /// `nil` when the campaign, post or string is unknown.
    public static func global(campaignID: String, postID: String, network: Network, in workspace: Workspace) -> String? {
        guard let campaign = workspace.campaigns.first(where: { $0.id.value == campaignID }),
            let post = campaign.posts.first(where: { $0.id.value == postID })
        else { return nil }
        let key = post.override(for: network)?.text?.value ?? post.text.value
        return workspace.locales[workspace.settings.defaultLocale.value]?.strings[key]?.text
    }
}
