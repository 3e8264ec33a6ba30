/// What the pages say about a person's scope when it needs the same words on several pages.
enum ApprovalScopeWords {
    /// A manager whose address no team of glocal.yaml lists: they see nothing, and this says why and who can fix it
    /// (rather than an empty list of teams).
    static let noTeam =
        "You manage no team: no team of glocal.yaml lists your address among its managers, so you see no account. "
        + "An admin adds it to a team's managers (and reloads the server) to give you that team's accounts."
}
