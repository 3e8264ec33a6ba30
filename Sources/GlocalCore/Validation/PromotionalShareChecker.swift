/// The 80/20 rule: in every rolling window (28 days by default) that holds a promotional post,
/// promotional posts must be at most the allowed share of the account's posts.
///
/// Windows stay inside the account's planned period (first to last post): outside it there is no
/// history or plan to measure, and counting empty days would make a lone promotional post at either
/// end a 100 % breach. A plan shorter than the window is measured as a whole.
struct PromotionalShareChecker {
    let policy: PromotionalSharePolicy
    let campaignKindLocations: [String: SourceLocation]

    private struct Breach {
        var share: Double
        var promotional: Int
        var total: Int
        var start: LocalDate
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
            let end = breach.start.adding(days: windowDays - 1)
            diagnostics.append(Diagnostic(
                policy.severity, .promotionalShare,
                "\(breach.trigger.network.rawValue)/\(account): \(breach.promotional) of \(breach.total) posts from \(breach.start) to \(end) are promotional (\(percent) %, at most \(allowed) % allowed)",
                at: campaignKindLocations[breach.trigger.campaignID] ?? breach.trigger.postLocation,
                notes: [
                    "the 80/20 rule: at most \(allowed) % promotional posts in any \(windowDays) days; add informative posts for this account or target fewer accounts",
                    "counted from post '\(breach.trigger.postID)' of campaign '\(breach.trigger.campaignID)' on \(breach.trigger.date)",
                ], network: breach.trigger.network, account: account))
        }
    }

    /// The window with the highest promotional share above the limit, using per-day prefix sums.
    private func worstWindow(_ posts: [PlannedPost], windowDays: Int) -> Breach? {
        let days = posts.map(\.date.daysSinceEpoch)
        guard let first = days.min(), let last = days.max() else { return nil }
        let span = last - first + 1
        var totals = [Int](repeating: 0, count: span + 1)
        var promotions = [Int](repeating: 0, count: span + 1)
        for (index, day) in days.enumerated() {
            totals[day - first + 1] += 1
            if posts[index].kind == .promotional { promotions[day - first + 1] += 1 }
        }
        for i in 1...span {
            totals[i] += totals[i - 1]
            promotions[i] += promotions[i - 1]
        }
        var worst: Breach? = nil
        var seenDays = Set<Int>()
        for post in posts where post.kind == .promotional && seenDays.insert(post.date.daysSinceEpoch).inserted {
            let day = post.date.daysSinceEpoch - first
            let lowest = max(0, day - windowDays + 1)
            let highest = span > windowDays ? min(day, span - windowDays) : 0
            for start in min(lowest, highest)...highest {
                let end = min(span - 1, start + windowDays - 1)
                let total = totals[end + 1] - totals[start]
                let promotional = promotions[end + 1] - promotions[start]
                let share = Double(promotional) / Double(total)
                if share > policy.maxShare + 1e-9, worst == nil || share > worst!.share {
                    worst = Breach(share: share, promotional: promotional, total: total,
                                   start: LocalDate(daysSinceEpoch: first + start), trigger: post)
                }
            }
        }
        return worst
    }
}
