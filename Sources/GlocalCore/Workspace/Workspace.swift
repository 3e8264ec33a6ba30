/// Everything a workspace declares: settings, accounts, locales and campaigns, with source positions.
public struct Workspace: Sendable {
    /// `glocal.yaml`: name, default locale, policy, teams.
    public var settings: WorkspaceSettings
    /// `accounts.yaml`, in file order.
    public var accounts: [Account]
    /// `locales/*.yaml`, keyed by locale id.
    public var locales: [String: LocaleDefinition]
    /// `campaigns/*.yaml`, in path order.
    public var campaigns: [Campaign]

    /// Creates a workspace.
    public init(
        settings: WorkspaceSettings, accounts: [Account] = [], locales: [String: LocaleDefinition] = [:],
        campaigns: [Campaign] = []
    ) {
        self.settings = settings
        self.accounts = accounts
        self.locales = locales
        self.campaigns = campaigns
    }
}
