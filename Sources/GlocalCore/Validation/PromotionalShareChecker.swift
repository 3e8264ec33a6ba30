/// The 80/20 rule: in every rolling window (28 days by default) that holds a promotional post,
/// promotional posts must be at most the allowed share of the account's posts.
///
/// Windows stay inside the account's planned period (first to last post): outside it there is no
/// history or plan to measure, and counting empty days would make a lone promotional post at either
/// end a 100 % breach. A plan shorter than the window is measured as a whole.
struct PromotionalShareChecker {
    let policy: PromotionalSharePolicy
    let campaignKindLocations: [String: SourceLocation]
    /// Where a post sets its own `kind`, by `campaign/post`: the caret goes there, not on the campaign's kind.
    var postKindLocations: [String: SourceLocation] = [:]

    private struct Breach {
        var share: Double
        var promotional: Int
        var total: Int
        var start: LocalDate
        /// The window's last day, or the plan's last day when the plan is shorter than the window.
        var end: LocalDate
        var trigger: PlannedPost
    }

    func check(_ variants: [PlannedPost], into diagnostics: inout [Diagnostic]) {
        let windowDays = max(1, policy.window.seconds / 86_400)
        var byAccount: [String: [PlannedPost]] = [:]
        for variant in variants { byAccount[variant.accountID, default: []].append(variant) }
        for account in byAccount.keys.sorted() {
            guard let breach = worstWindow(byAccount[account]!, windowDays: windowDays) else { continue }
            let percent = Int((breach.share * 100).rounded())
            let allowed = Int((policy.maxShare * 100).rounded())
            diagnostics.append(
                Diagnostic(
                    policy.severity, .promotionalShare,
                    "\(breach.trigger.network.rawValue)/\(account): \(breach.promotional) of \(breach.total) posts from \(breach.start) to \(breach.end) are promotional (\(percent) %, at most \(allowed) % allowed)",
                    at: postKindLocations["\(breach.trigger.campaignID)/\(breach.trigger.postID)"]
                        ?? campaignKindLocations[breach.trigger.campaignID] ?? breach.trigger.postLocation,
                    notes: [
                        "the 80/20 rule: at most \(allowed) % promotional posts in any \(windowDays == 1 ? "day" : "\(windowDays) days"); add informative posts for this account or target fewer accounts",
                        "counted from post '\(breach.trigger.postID)' of campaign '\(breach.trigger.campaignID)' on \(breach.trigger.date)",
                    ], network: breach.trigger.network, account: account))
        }
    }

    /// The window with the highest promotional share above the limit (the earliest such window of the first
    /// promotional post that reaches it).
    ///
    /// Costs O(p · k · log n) for p promotional days and k post days within a window of them, never the span of days:
    /// a window's share only changes where its start passes a post day or its end reaches one, so only those starts
    /// are measured, each by binary search over the sorted days.
    private func worstWindow(_ posts: [PlannedPost], windowDays: Int) -> Breach? {
        let sortedDays = posts.map(\.date.daysSinceEpoch).sorted()
        let promotionalDays = posts.filter { $0.kind == .promotional }.map(\.date.daysSinceEpoch).sorted()
        guard let first = sortedDays.first, let last = sortedDays.last, !promotionalDays.isEmpty else { return nil }
        // Dates stay within 0001…9999, so the span is at most 3.7 million days.
        let span = last - first + 1
        var distinct: [Int] = []
        for day in sortedDays where distinct.last != day - first { distinct.append(day - first) }
        func count(_ days: [Int], from start: Int, to end: Int) -> Int {
            Self.lowerBound(days, first + end + 1) - Self.lowerBound(days, first + start)
        }
        func distinctDays(from low: Int, to high: Int) -> ArraySlice<Int> {
            guard low <= high else { return [] }
            return distinct[Self.lowerBound(distinct, low)..<Self.lowerBound(distinct, high + 1)]
        }
        var worst: Breach? = nil
        var seenDays = Set<Int>()
        for post in posts where post.kind == .promotional && seenDays.insert(post.date.daysSinceEpoch).inserted {
            let day = post.date.daysSinceEpoch - first
            let lowest = max(0, day - windowDays + 1)
            let highest = span > windowDays ? min(day, span - windowDays) : 0
            let low = min(lowest, highest)
            var starts = Set([low])
            for passed in distinctDays(from: low, to: highest - 1) { starts.insert(passed + 1) }
            for reached in distinctDays(from: low + windowDays, to: highest + windowDays - 1) {
                starts.insert(reached - windowDays + 1)
            }
            for start in starts.sorted() {
                let end = min(span - 1, start + windowDays - 1)
                let total = count(sortedDays, from: start, to: end)
                let promotional = count(promotionalDays, from: start, to: end)
                let share = Double(promotional) / Double(total)
                if share > policy.maxShare + 1e-9, worst == nil || share > worst!.share {
                    worst = Breach(
                        share: share, promotional: promotional, total: total,
                        start: LocalDate(daysSinceEpoch: first + start), end: LocalDate(daysSinceEpoch: first + end),
                        trigger: post)
                }
            }
        }
        return worst
    }

    /// The index of the first element of `sorted` that is not less than `value`.
    static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
