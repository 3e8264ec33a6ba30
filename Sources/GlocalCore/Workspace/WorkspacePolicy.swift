/// Workspace-wide publishing policy (`policy:` in glocal.yaml).
public struct WorkspacePolicy: Sendable {
    /// Whether local managers must approve variants before they are published.
    public var approval: ApprovalMode = .required
    /// How long before its slot a variant must be approved, if a deadline applies.
    public var approvalDeadline: GlocalDuration?
    /// Local hours in which nothing is published, such as 22:00–07:00.
    public var quietHours: QuietHours? = QuietHours(start: LocalTime(hour: 22, minute: 0)!, end: LocalTime(hour: 7, minute: 0)!)
    /// The 80/20 rule.
    public var promotionalShare = PromotionalSharePolicy()

    /// Creates the default policy.
    public init() {}
}

/// Whether variants wait for a local manager's approval.
public enum ApprovalMode: String, Sendable, CaseIterable, Codable {
    /// A local manager approves each variant.
    case required
    /// Variants are approved as soon as they are planned.
    case auto
}

/// A daily span of local time in which nothing is published; it may wrap past midnight.
public struct QuietHours: Sendable, Hashable {
    /// When the quiet period starts.
    public var start: LocalTime
    /// When it ends (exclusive).
    public var end: LocalTime

    /// Creates a quiet period.
    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// Whether `time` falls inside the quiet period.
    public func contains(_ time: LocalTime) -> Bool {
        start <= end ? (time >= start && time < end) : (time >= start || time < end)
    }
}

/// The 80/20 rule: at most `maxShare` of an account's posts in any rolling `window` may be promotional.
public struct PromotionalSharePolicy: Sendable {
    /// Highest allowed share of promotional posts, 0–1.
    public var maxShare: Double = 0.2
    /// The rolling window the share is measured over.
    public var window = GlocalDuration(seconds: 28 * 86_400)
    /// How a breach is reported: `.error` blocks CI, `.warning` only informs.
    public var severity: Severity = .warning
    /// Where the policy was written (or glocal.yaml's start when defaulted).
    public var location: SourceLocation?

    /// Creates the default 20 % over 28 days, as a warning.
    public init() {}
}
