import Foundation
import GlocalCore
import GlocalSandbox

/// Twelve (or `weeks`) simulated weeks of `accounts` posting every weekday, three times over with the
/// same audiences and the same per-post luck: at the default table's slot, at a uniformly random
/// allowed time, with learned timing (refitted weekly, ~10 % holdout), and — as a ceiling — in the
/// bucket an oracle that knows the audience's peak would pick. Engagement is the
/// sandbox's model (``SandboxEngagement``) read at 24 h, times log-normal noise for post quality.
struct TimingSimulation {
    enum Policy: String, CaseIterable { case table, random, learned, oracle }

    /// One simulated post.
    struct Post {
        var policy: Policy
        var variantID: String
        var account: Int
        var week: Int
        var holdout: Bool
        var engagement: Double
        var score: Double?
    }

    let accounts: [SimulatedAccount]
    let weeks: Int
    let seed: UInt64
    let noise: Double
    let table = TimingTable.standard
    let firstMonday = LocalDate(iso: "2027-01-04")!
    let quietEnd = 7 * 60, quietStart = 22 * 60

    /// Runs every policy; returns the posts and, per account, the first week from which the learner's
    /// best bucket is the true best on at least four weekdays out of five for good (`nil`: never).
    func run() -> (posts: [Post], weeksToPeak: [Int?]) {
        var posts: [Post] = []
        for policy in [Policy.table, .random, .oracle] { posts += simulate(policy).posts }
        let learned = simulate(.learned)
        return (posts + learned.posts, learned.weeksToPeak)
    }

    private func simulate(_ policy: Policy) -> (posts: [Post], weeksToPeak: [Int?]) {
        var posts: [Post] = []
        var records: [EngagementRecord] = []
        var found = Array(repeating: [Bool](), count: accounts.count)
        var random = SeededRandom(seed: seed ^ 0x5EED)
        var model = LearnedTiming.empty
        let truth = accounts.map { account in
            (0..<5).map { weekday in
                bestBucket(
                    account,
                    day: SimulationDay(
                        date: firstMonday.adding(days: weekday), profile: table.profile(account.network), quietEnd: quietEnd,
                        quietStart: quietStart))
            }
        }
        for week in 0..<weeks {
            let weekStart = LocalInstant(
                date: firstMonday.adding(days: 7 * week), time: LocalTime(hour: 0, minute: 0)!, zone: TimeZone(identifier: "UTC")!
            ).instant
            if policy == .learned {
                let observations = EngagementScore.scores(records)
                model = LearnedTimingEstimator().estimate(observations, table: table, now: weekStart, seed: seed &+ UInt64(week))
            }
            for (index, account) in accounts.enumerated() {
                for weekday in 0..<5 {
                    let date = firstMonday.adding(days: 7 * week + weekday)
                    let day = SimulationDay(
                        date: date, profile: table.profile(account.network), quietEnd: quietEnd, quietStart: quietStart)
                    guard !day.ranges.isEmpty else { continue }
                    let variantID = "sim/w\(week)d\(weekday)/\(account.id)"
                    var holdout = false
                    let minute: Int
                    switch policy {
                    case .table:
                        minute = SimulationDay.stagger(day.ranges[0], key: variantID)
                    case .random:
                        minute = Self.uniformMinute(day, random: &random)
                    case .oracle:
                        // Knows the peak: the best bucket of the day (the ceiling of what timing can add).
                        let best = truth[index][weekday].flatMap { day.buckets[$0]?.first } ?? day.ranges[0]
                        minute = SimulationDay.stagger(best, key: variantID)
                    case .learned:
                        if let estimates = model.estimates(account: account.id, network: account.network) {
                            let choice = BucketChoice(
                                variantID: variantID, candidates: day.buckets.keys.sorted(), estimates: estimates, model: model)
                            holdout = choice.holdout
                            minute = SimulationDay.stagger(day.buckets[choice.ranked[0].bucket]![0], key: variantID)
                        } else {
                            minute = SimulationDay.stagger(day.ranges[0], key: variantID)
                        }
                    }
                    let time = LocalTime(hour: minute / 60, minute: minute % 60)!
                    let instant = LocalInstant(date: date, time: time, zone: account.zone).instant
                    let counters = SandboxEngagement.counters(
                        postedAt: instant, now: instant.addingTimeInterval(86_400), audience: account.audience)
                    // The same luck for this post whatever the policy: common random numbers.
                    var luck = SeededRandom(text: "luck/\(variantID)", salt: seed)
                    let engagement = (Double(EngagementScore.total(counters)) * exp(noise * luck.normal() - noise * noise / 2))
                        .rounded()
                    records.append(
                        EngagementRecord(
                            variantID: variantID, accountID: account.id, network: account.network,
                            bucket: TimingBucket(weekday: date.isoWeekday, time: time), engagement: engagement,
                            publishedAt: instant))
                    posts.append(
                        Post(
                            policy: policy, variantID: variantID, account: index, week: week, holdout: holdout,
                            engagement: engagement, score: nil))
                }
                if policy == .learned { found[index].append(knowsPeak(account, model: model, week: week, truth: truth[index])) }
            }
        }
        // Scores (log ratio to the trailing median) for the holdout comparison, in post order.
        let scores = Dictionary(uniqueKeysWithValues: EngagementScore.scores(records).map { ($0.variantID, $0.score) })
        for index in posts.indices { posts[index].score = scores[posts[index].variantID] }
        let weeksToPeak = found.map { flags -> Int? in
            guard flags.last == true else { return nil }
            let lastMiss = flags.lastIndex(of: false) ?? -1
            return lastMiss + 1  // the model used in week w was fitted on weeks before it
        }
        return (posts, weeksToPeak)
    }

    /// Whether the model's best bucket is the true best on at least four of the five weekdays.
    private func knowsPeak(_ account: SimulatedAccount, model: LearnedTiming, week: Int, truth: [TimingBucket?]) -> Bool {
        guard let estimates = model.estimates(account: account.id, network: account.network), estimates.accountID != "*" else {
            return false
        }
        var hits = 0, days = 0
        for weekday in 0..<5 {
            let date = firstMonday.adding(days: 7 * week + weekday)
            let day = SimulationDay(
                date: date, profile: table.profile(account.network), quietEnd: quietEnd, quietStart: quietStart)
            let candidates = day.buckets.keys.sorted()
            guard !candidates.isEmpty else { continue }
            days += 1
            let belief = candidates.max { (estimates.buckets[$0]?.mean ?? -9) < (estimates.buckets[$1]?.mean ?? -9) }
            if truth[weekday] == belief { hits += 1 }
        }
        return days > 0 && hits >= days - 1
    }

    /// The bucket of `day` with the highest expected engagement (the audience's clock is local, so
    /// the answer is the same every week).
    func bestBucket(_ account: SimulatedAccount, day: SimulationDay) -> TimingBucket? {
        day.buckets.keys.sorted().max { trueValue($0, day: day, account: account) < trueValue($1, day: day, account: account) }
    }

    /// Expected 24 h engagement of a post in `bucket`, averaged over its allowed minutes.
    private func trueValue(_ bucket: TimingBucket, day: SimulationDay, account: SimulatedAccount) -> Double {
        var sum = 0.0, count = 0.0
        for range in day.buckets[bucket] ?? [] {
            for minute in stride(from: range.start, to: range.end, by: 10) {
                let instant = LocalInstant(
                    date: day.date, time: LocalTime(hour: minute / 60, minute: minute % 60)!, zone: account.zone
                ).instant
                sum += Double(
                    EngagementScore.total(
                        SandboxEngagement.counters(
                            postedAt: instant, now: instant.addingTimeInterval(86_400), audience: account.audience)))
                count += 1
            }
        }
        return count > 0 ? sum / count : 0
    }

    /// A uniformly random allowed minute (never :00 or :30, as the scheduler).
    static func uniformMinute(_ day: SimulationDay, random: inout SeededRandom) -> Int {
        let total = day.ranges.reduce(0) { $0 + $1.end - $1.start }
        while true {
            var pick = Int(random.next() % UInt64(total))
            for range in day.ranges {
                if pick < range.end - range.start {
                    let minute = range.start + pick
                    if minute % 30 != 0 { return minute }
                    break
                }
                pick -= range.end - range.start
            }
        }
    }
}
