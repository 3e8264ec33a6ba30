import Foundation

/// The better-ranked buckets a learned slot search went past on one day: full, or wholly inside the wall minutes the
/// clocks skip when they go forward (``SpringForwardGap``), which do not exist that day and are never called full.
struct PassedBuckets: Sendable, Equatable {
    /// The day searched.
    var day: LocalDate
    /// The day's spring-forward gap, if its clocks go forward.
    var gap: SpringForwardGap?
    /// The buckets passed because every minute of them was taken.
    private(set) var full: [String] = []
    /// The buckets passed because none of their minutes exists that day.
    private(set) var missing: [String] = []

    /// Notes `bucket` as passed: missing when `skippedByTheClocks`, else full.
    mutating func add(_ bucket: TimingBucket, skippedByTheClocks: Bool) {
        if skippedByTheClocks, gap != nil { missing.append(bucket.description) } else { full.append(bucket.description) }
    }

    /// What the `learned` reason of the chosen bucket adds about those passed (`""`: none).
    var skipped: String {
        (full.isEmpty ? "" : "; better-ranked buckets were full: \(full.joined(separator: ", "))")
            + (missingPhrase.map { "; " + $0 } ?? "")
    }

    /// Why no allowed bucket of the day gave a slot.
    var noneFree: String {
        let fullPhrase = "every allowed bucket on \(day) is full (\(full.joined(separator: ", ")))"
        guard let missingPhrase else { return fullPhrase }
        return full.isEmpty ? missingPhrase : fullPhrase + "; " + missingPhrase
    }

    /// `bucket Sun 02-04 does not exist on 2027-03-14: the clocks go forward from 02:00 to 03:00`.
    private var missingPhrase: String? {
        guard let gap, !missing.isEmpty else { return nil }
        let buckets =
            missing.count == 1 ? "bucket \(missing[0]) does not" : "buckets \(missing.joined(separator: ", ")) do not"
        return "\(buckets) exist on \(day): \(gap)"
    }
}
