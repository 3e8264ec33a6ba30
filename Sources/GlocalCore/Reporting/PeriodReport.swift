/// The report a brand team sends around: one period, compared with the one before it. A pure value:
/// ``PeriodReportBuilder`` computes it, the web UI and the CSV only format it.
public struct PeriodReport: Sendable, Equatable {
    /// The period reported on.
    public var period: ReportPeriod
    /// The same number of days just before it.
    public var previousPeriod: ReportPeriod
    /// Headline figures of the period.
    public var figures: ReportFigures
    /// Headline figures of the previous period.
    public var previousFigures: ReportFigures
    /// A post is punctual when it went out at most this many seconds after its slot.
    public var punctualityTolerance: Double
    /// By network, most engagement first.
    public var byNetwork: [ReportBreakdown]
    /// By locale, most engagement first.
    public var byLocale: [ReportBreakdown]
    /// By team, most engagement first.
    public var byTeam: [ReportBreakdown]
    /// The cells of the weekday × hour grid that had measured posts, by weekday then hour.
    public var heatmap: [ReportHeatCell]
    /// The period's published posts, by publication time then id.
    public var posts: [PeriodPost]

    /// Creates a report.
    public init(
        period: ReportPeriod, previousPeriod: ReportPeriod, figures: ReportFigures, previousFigures: ReportFigures,
        punctualityTolerance: Double, byNetwork: [ReportBreakdown], byLocale: [ReportBreakdown],
        byTeam: [ReportBreakdown], heatmap: [ReportHeatCell], posts: [PeriodPost]
    ) {
        self.period = period
        self.previousPeriod = previousPeriod
        self.figures = figures
        self.previousFigures = previousFigures
        self.punctualityTolerance = punctualityTolerance
        self.byNetwork = byNetwork
        self.byLocale = byLocale
        self.byTeam = byTeam
        self.heatmap = heatmap
        self.posts = posts
    }
}
