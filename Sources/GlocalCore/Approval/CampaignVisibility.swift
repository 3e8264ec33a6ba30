/// Whether a person may learn that a campaign exists. A campaign none of whose accounts they see is answered like
/// one that does not exist (its overview is a 404, not an empty "0 of 0"), so another team's campaign name does not
/// leak through its address.
public enum CampaignVisibility {
    /// Whether `scope` may open the overview of a campaign of which it sees `visibleVariants` stored variants and
    /// whose workspace targets select `targetedAccounts` (`nil`: the workspace has no such campaign, only the store).
    /// An admin or a viewer sees every campaign of the workspace, even one not applied yet; a manager, one that has a
    /// variant of their teams or targets one of their accounts.
    public static func isVisible(visibleVariants: Int, targetedAccounts: [String]?, scope: ApprovalScope) -> Bool {
        if visibleVariants > 0 { return true }
        guard let targetedAccounts else { return false }
        return scope.seesEverything || targetedAccounts.contains(where: scope.canSee(account:))
    }
}
