/// What one validation found: every diagnostic, plus counts of what was checked.
public struct ValidationReport: Sendable {
    /// Every problem found, in output order.
    public var diagnostics: [Diagnostic]
    /// How much of the workspace was checked.
    public var statistics: WorkspaceStatistics

    /// Creates a report; diagnostics are put in output order.
    public init(diagnostics: [Diagnostic], statistics: WorkspaceStatistics) {
        self.diagnostics = Diagnostic.sortedForOutput(diagnostics)
        self.statistics = statistics
    }

    /// How many diagnostics have `severity`.
    public func count(_ severity: Severity) -> Int { diagnostics.lazy.filter { $0.severity == severity }.count }

    /// Whether validation fails: any error, or any warning when `strict`.
    public func fails(strict: Bool) -> Bool { count(.error) > 0 || (strict && count(.warning) > 0) }
}

/// Counts of what a validation looked at, for summaries.
public struct WorkspaceStatistics: Sendable, Equatable, Codable {
    /// YAML files read.
    public var files: Int = 0
    /// Accounts declared.
    public var accounts: Int = 0
    /// Locales declared.
    public var locales: Int = 0
    /// Campaigns declared.
    public var campaigns: Int = 0
    /// Posts across all campaigns.
    public var posts: Int = 0
    /// Variants (campaign × post × target account) checked against network rules.
    public var variants: Int = 0
    /// Distinct networks among the accounts.
    public var networks: Int = 0
    /// Distinct time zones among the accounts.
    public var timeZones: Int = 0
    /// Teams declared.
    public var teams: Int = 0

    /// Creates zero counts.
    public init() {}
}
