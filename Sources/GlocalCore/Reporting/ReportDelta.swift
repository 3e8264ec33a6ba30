/// How a figure moved from the previous period to this one. `difference` is `nil` ("n/a") when the
/// previous period has no data; `percent` is also `nil` when the previous value was 0 (no base).
public struct ReportDelta: Sendable, Equatable {
    /// This period's value minus the previous one's.
    public var difference: Double?
    /// The difference as a percentage of the previous value.
    public var percent: Double?

    /// Creates a delta.
    public init(difference: Double?, percent: Double?) {
        self.difference = difference
        self.percent = percent
    }

    /// The move from `previous` to `current`; for ratios (`nil` when undefined) the difference is in
    /// the ratio's own unit, so a share's delta is in percentage points once multiplied by 100.
    public static func between(_ current: Double?, _ previous: Double?, previousHasData: Bool) -> ReportDelta {
        guard previousHasData, let current, let previous else { return ReportDelta(difference: nil, percent: nil) }
        let difference = current - previous
        return ReportDelta(difference: difference, percent: previous == 0 ? nil : difference / abs(previous) * 100)
    }
}
