import Foundation

extension SlotSearch {
    /// A part of one window inside one bucket.
    private struct BucketRange {
        var tier: String
        var window: TimeWindow
        var start: Int
        var end: Int
    }

    /// The window search once engagement data exist: the day's allowed buckets (inside the A and B
    /// windows) are ranked by ``BucketChoice`` with Thompson sampling and walked in that order with the
    /// same staggered minute walk and hard rules as ever. A holdout post is placed by the default table.
    mutating func searchLearned(_ day: LocalDate, ledger: ScheduleLedger, model: LearnedTiming, estimates: AccountTimingEstimate)
        -> LocalInstant?
    {
        let weekday = day.isoWeekday
        var ranges: [TimingBucket: [BucketRange]] = [:]
        for (tier, windows) in [("A", profile.preferred), ("B", profile.allowed)] {
            for window in windows where window.weekdays.contains(weekday) {
                for block in 0..<12 {
                    let bucket = TimingBucket(weekday: weekday, block: block)
                    let start = max(window.start.minutes, bucket.startMinute)
                    let end = min(window.end.minutes, bucket.endMinute)
                    if start < end {
                        ranges[bucket, default: []].append(BucketRange(tier: tier, window: window, start: start, end: end))
                    }
                }
            }
        }
        guard !ranges.isEmpty else { return nil }
        let choice = BucketChoice(variantID: variant.id, candidates: ranges.keys.sorted(), estimates: estimates, model: model)
        let utcOffset = LocalInstant.constantOffset(on: day, zone: zone)
        if choice.holdout { return searchHoldout(day, ledger: ledger, share: model.holdoutShare, utcOffset: utcOffset) }
        // A day with one UTC offset has no gap: the zone is asked only near a change.
        let gap = utcOffset == nil ? SpringForwardGap(on: day, in: zone) : nil
        var passed = PassedBuckets(day: day, gap: gap)
        for item in choice.ranked {
            let bucketRanges = ranges[item.bucket] ?? []
            for range in bucketRanges {
                let found = walk(day, from: range.start, to: range.end, seed: staggerSeed, utcOffset: utcOffset, ledger: ledger)
                guard let slot = found.slot else { continue }
                reasons.append(
                    learnedReason(
                        item, choice: choice, estimates: estimates, exploitAfter: model.exploitAfter,
                        contentShare: model.contentShares[variant.network], passed: passed))
                reasons.append(
                    ScheduleReason("window", "tier \(range.tier) window \(range.window) for \(variant.network.displayName)"))
                noteStagger(slot, found: found)
                noteDST(slot)
                return slot
            }
            let skipped = gap.map { gap in bucketRanges.allSatisfy { gap.covers(from: $0.start, to: $0.end) } } ?? false
            passed.add(item.bucket, skippedByTheClocks: skipped)
        }
        reasons.append(ScheduleReason("learned", passed.noneFree))
        return nil
    }

    /// A holdout post: the default table's walk (tier A windows, then B, each in full), as if nothing
    /// had been learned, so the holdout measures what learning adds over the table.
    private mutating func searchHoldout(_ day: LocalDate, ledger: ScheduleLedger, share: Double, utcOffset: Int?)
        -> LocalInstant?
    {
        for (tier, windows) in [("A", profile.preferred), ("B", profile.allowed)] {
            for window in windows where window.weekdays.contains(day.isoWeekday) {
                let found = walk(
                    day, from: window.start.minutes, to: window.end.minutes, seed: staggerSeed, utcOffset: utcOffset,
                    ledger: ledger)
                guard let slot = found.slot else { continue }
                reasons.append(
                    ScheduleReason(
                        "holdout",
                        "placed by the default table, not by the learner: this post is in the ~\(Int((share * 100).rounded())) % holdout that measures what learned timing adds"
                    ))
                reasons.append(ScheduleReason("window", "tier \(tier) window \(window) for \(variant.network.displayName)"))
                noteStagger(slot, found: found)
                noteDST(slot)
                return slot
            }
        }
        reasons.append(ScheduleReason("holdout", "every window on \(day) is full (holdout post, placed by the default table)"))
        return nil
    }

    private func learnedReason(
        _ item: BucketChoice.Ranked, choice: BucketChoice, estimates: AccountTimingEstimate, exploitAfter: Double,
        contentShare: Double?, passed: PassedBuckets
    )
        -> ScheduleReason
    {
        let source =
            estimates.accountID == "*"
            ? "the \(variant.network.displayName) pool (this account has no scored posts yet)"
            : estimates.belief.map { belief in
                String(
                    format:
                        "the peak model: %.1f weighted posts of this account, its peak on this weekday around %@ (before them: %@, from its region's and the %@ accounts)",
                    item.estimate.weight, Self.clock(belief.peakHour(weekday: item.bucket.weekday)),
                    Self.signed(item.estimate.shrunkToward), variant.network.displayName)
            }
                ?? String(
                    format:
                        "%.1f weighted posts of this account, shrunk toward %@ (its region's and the %@ pools, then the default table)",
                    item.estimate.weight, Self.signed(item.estimate.shrunkToward), variant.network.displayName)
        let estimate =
            "estimate \(Self.signed(item.estimate.mean)) ± \(String(format: "%.2f", item.estimate.variance.squareRoot())) from \(source)"
        let content =
            contentShare.map {
                "; each post's content, as its sibling accounts saw it, taken out first (content explains \(Int(($0 * 100).rounded())) % of the \(variant.network.displayName) posts' spread)"
            } ?? ""
        let skipped = passed.skipped
        let how: String
        switch choice.method {
        case .bestExpected:
            how = String(
                format: "as the best expected bucket (exploiting: %.1f weighted posts of this account, %g or more)",
                item.estimate.weight, exploitAfter)
        case .confidentBest:
            how = String(
                format: "as the best expected bucket (exploiting: the day's best with a probability of %.0f %%)",
                (choice.bestProbability ?? 0) * 100)
        case .contrast:
            how = "as one of the two best expected buckets, too close to tell apart, which alternate (keeping two hours in view)"
        case .topTwoChallenger:
            how =
                "by top-two Thompson sampling on the peak, as a challenger to the first draw's bucket (draw \(Self.signed(item.draw)))"
        case .peakDraw: how = "by Thompson sampling on the peak (draw \(Self.signed(item.draw)))"
        case .bucketDraw, .table: how = "by Thompson sampling (draw \(Self.signed(item.draw)))"
        }
        return ScheduleReason("learned", "bucket \(item.bucket) chosen \(how); \(estimate)\(content)\(skipped)")
    }

    static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }

    /// `hour` (0–24, fractional) as `HH:MM`.
    static func clock(_ hour: Double) -> String {
        let minutes = Int((hour * 60).rounded()) % 1_440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
