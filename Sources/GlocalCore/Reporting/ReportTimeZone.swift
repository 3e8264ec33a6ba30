/// The zone a report's days are counted in when the reader names none: the one most of the reader's
/// accounts use (a French manager gets Europe/Paris), ties broken alphabetically; UTC with no account.
public enum ReportTimeZone {
    /// The most common of `zones` (one entry per account or post), or `UTC` when empty.
    public static func mostCommon(_ zones: [String]) -> String {
        var counts: [String: Int] = [:]
        for zone in zones where !zone.isEmpty { counts[zone, default: 0] += 1 }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? "UTC"
    }
}
