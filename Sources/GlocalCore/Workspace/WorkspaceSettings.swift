/// The contents of `glocal.yaml`.
public struct WorkspaceSettings: Sendable {
    /// The workspace's id (`workspace:`).
    public var name: Located<String>
    /// The brand's display name, used by templates as `{brand}`.
    public var brand: String?
    /// The last locale of every fallback chain.
    public var defaultLocale: Located<String>
    /// Approval, quiet hours and the promotional share.
    public var policy: WorkspacePolicy
    /// Local teams and the accounts they manage.
    public var teams: [Team]
    /// Posting windows, gaps and caps per network (docs/scheduling.md's default table unless glocal.yaml overrides it).
    public var timing: TimingTable = .standard
    /// API versions pinned in `api_versions:` (the table's defaults for the others).
    public var apiVersions: APIVersionPins = .none
    /// Where `glocal.yaml` is, for diagnostics about the workspace as a whole.
    public var location: SourceLocation

    /// Creates settings.
    public init(
        name: Located<String>, brand: String? = nil, defaultLocale: Located<String>,
        policy: WorkspacePolicy = WorkspacePolicy(), teams: [Team] = [], location: SourceLocation
    ) {
        self.name = name
        self.brand = brand
        self.defaultLocale = defaultLocale
        self.policy = policy
        self.teams = teams
        self.location = location
    }
}
