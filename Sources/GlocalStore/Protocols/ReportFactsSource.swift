/// What the period report reads: one `ReportFacts` per variant.
public protocol ReportFactsSource: Sendable {
    /// Every variant's facts, by id.
    func reportFacts() throws -> [ReportFacts]
}
