import Foundation
import GlocalCore

/// Twelve (or `weeks`) simulated weeks of `accounts` posting every weekday, four times over with the
/// same audiences and the same per-post luck (common random numbers): at the default table's slot,
/// at a uniformly random allowed time, with learned timing (refitted every Monday, ~10 % holdout
/// placed by the table), and — as a ceiling — in the bucket an oracle that knows each audience's
/// current peak would pick. Engagement is ``SimulatedAudience``'s expectation times log-normal post
/// quality, counted as a Poisson number of interactions at 24 h; the early (+1 h) reading is the part of
/// them that arrived in the first hour (``FeedArrival``'s share, times its own log-normal noise `shareNoise`).
struct TimingSimulation {
    enum Policy: String, CaseIterable { case table, random, learned, oracle }

    /// One simulated post.
    struct Post {
        var policy: Policy
        var variantID: String
        var account: Int
        var week: Int
        /// ISO weekday and local minute of the day it went out.
        var weekday: Int
        var minute: Int
        var holdout: Bool
        var engagement: Double
        var score: Double?
    }

    /// Per account, the first week from which the learner knew the peak for good (`nil`: never).
    struct PeakWeeks {
        /// Its best bucket is the true best on at least four weekdays of five.
        var exact: [Int?]
        /// Its best bucket is within 3 % of the true best's expected engagement on four weekdays of five.
        var near: [Int?]
        /// Its best allowed hour (the peak model's peak, else its best bucket's middle) is within an hour
        /// of the true best allowed hour on four weekdays of five.
        var hour: [Int?]
    }

    let accounts: [SimulatedAccount]
    let weeks: Int
    let seed: UInt64
    let noise: Double
    let estimator: LearnedTimingEstimator
    /// The share of the learner's posts kept in the holdout (placed by the table).
    var holdoutShare = Holdout.share
    /// The share of a post's log-normal luck (its variance) that its content brings, the same on every account of
    /// the network that carried it the same day (an assumption; 0: each account's luck its own, as before).
    var sharedLuck = 0.0
    /// The log-normal σ of the early reading's share around what the audience's curve and feed decay give
    /// (an assumption: docs/scheduling.md, "Early reading").
    var shareNoise = 0.5
    /// The decision rule's options (`nil`: the model's own).
    var choice: ChoiceRule?
    /// Mixed into the learner's seeds only: another replicate draws differently from the same world, audiences
    /// and luck, so a setting can be judged on repeats (0: the draws of every earlier run).
    var replicate: UInt64 = 0
    let table = TimingTable.standard
    let firstMonday = LocalDate(iso: "2027-01-04")!
    let quietEnd = 7 * 60, quietStart = 22 * 60

    /// Runs every policy.
    func run() -> (posts: [Post], peaks: PeakWeeks) {
        var posts: [Post] = []
        for policy in [Policy.table, .random, .oracle] { posts += simulate(policy).posts }
        let learned = simulate(.learned)
        return (posts + learned.posts, learned.peaks)
    }

    func day(_ account: SimulatedAccount, week: Int, weekday: Int) -> SimulationDay {
        SimulationDay(
            date: firstMonday.adding(days: 7 * week + weekday), profile: table.profile(account.network), quietEnd: quietEnd,
            quietStart: quietStart)
    }

    private func simulate(_ policy: Policy) -> (posts: [Post], peaks: PeakWeeks) {
        var posts: [Post] = []
        var records: [EngagementRecord] = []
        var exact = Array(repeating: [Bool](), count: accounts.count)
        var near = Array(repeating: [Bool](), count: accounts.count)
        var hour = Array(repeating: [Bool](), count: accounts.count)
        var random = SeededRandom(seed: seed ^ 0x5EED)
        var model = LearnedTiming.empty
        for week in 0..<weeks {
            let weekStart = LocalInstant(
                date: firstMonday.adding(days: 7 * week), time: LocalTime(hour: 0, minute: 0)!, zone: TimeZone(identifier: "UTC")!
            ).instant
            if policy == .learned {
                model = estimator.estimate(
                    EngagementScore.scores(records), table: table, now: weekStart,
                    seed: seed &+ UInt64(week) &+ replicate &* 0x9E37_79B9_7F4A_7C15,
                    holdoutShare: holdoutShare)
                if let choice { model.choice = choice }
            }
            for (index, account) in accounts.enumerated() {
                for weekday in 0..<5 {
                    let day = self.day(account, week: week, weekday: weekday)
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
                        let best = bestBucket(account, day: day, week: week).flatMap { day.buckets[$0]?.first } ?? day.ranges[0]
                        minute = SimulationDay.stagger(best, key: variantID)
                    case .learned:
                        if let estimates = model.estimates(account: account.id, network: account.network) {
                            let choice = BucketChoice(
                                variantID: variantID, candidates: day.buckets.keys.sorted(), estimates: estimates, model: model)
                            holdout = choice.holdout
                            // A holdout post goes where the default table puts it.
                            let range = holdout ? day.ranges[0] : day.buckets[choice.ranked[0].bucket]![0]
                            minute = SimulationDay.stagger(range, key: variantID)
                        } else {
                            minute = SimulationDay.stagger(day.ranges[0], key: variantID)
                        }
                    }
                    let time = LocalTime(hour: minute / 60, minute: minute % 60)!
                    let instant = LocalInstant(date: day.date, time: time, zone: account.zone).instant
                    let (engagement, early) = observed(
                        account, variantID: variantID, weekday: day.date.isoWeekday, minute: minute, week: week)
                    records.append(
                        EngagementRecord(
                            variantID: variantID, accountID: account.id, network: account.network,
                            bucket: TimingBucket(weekday: day.date.isoWeekday, time: time), engagement: engagement,
                            publishedAt: instant, region: account.zone.identifier, earlyEngagement: early))
                    posts.append(
                        Post(
                            policy: policy, variantID: variantID, account: index, week: week,
                            weekday: day.date.isoWeekday, minute: minute, holdout: holdout, engagement: engagement, score: nil))
                }
                if policy == .learned {
                    let known = knowsPeak(account, model: model, week: week)
                    exact[index].append(known.exact)
                    near[index].append(known.near)
                    hour[index].append(known.hour)
                }
            }
        }
        // Scores (log ratio to the trailing median) for the holdout comparison, in post order.
        let scores = Dictionary(uniqueKeysWithValues: EngagementScore.scores(records).map { ($0.variantID, $0.score) })
        for index in posts.indices { posts[index].score = scores[posts[index].variantID] }
        func firstForGood(_ flags: [Bool]) -> Int? {
            guard flags.last == true else { return nil }
            return (flags.lastIndex(of: false) ?? -1) + 1  // the model used in week w was fitted on weeks before it
        }
        return (posts, PeakWeeks(exact: exact.map(firstForGood), near: near.map(firstForGood), hour: hour.map(firstForGood)))
    }

    /// Interactions at 24 h and, of them, those of the first hour: the same luck for this post whatever the
    /// policy (the first hour's draws come from a stream of their own, so the 24 h count is the same as without it).
    private func observed(_ account: SimulatedAccount, variantID: String, weekday: Int, minute: Int, week: Int)
        -> (total: Double, early: Double)
    {
        var luck = SeededRandom(text: "luck/\(variantID)", salt: seed)
        var draw = luck.normal()
        if sharedLuck > 0 {
            var content = SeededRandom(
                text: "content/\(ContentEffect.post(of: variantID))/\(account.network.rawValue)", salt: seed)
            draw = sharedLuck.squareRoot() * content.normal() + (1 - sharedLuck).squareRoot() * draw
        }
        let quality = exp(noise * draw - noise * noise / 2)
        let mean = account.audience.expected(weekday: weekday, hour: Double(minute) / 60, week: week) * quality
        let total = Self.poisson(mean, random: &luck)
        var early = SeededRandom(text: "early/\(variantID)", salt: seed)
        let expectedShare = account.audience.earlyShare(
            weekday: weekday, hour: Double(minute) / 60, week: week,
            arrival: FeedArrival(halfLife: NetworkStudy.of(account.network).halfLife))
        let share = min(1, expectedShare * exp(shareNoise * early.normal() - shareNoise * shareNoise / 2))
        return (total, Self.binomial(total, share, random: &early))
    }

    /// A binomial count of `trials` with probability `p` (a normal approximation above 50 trials).
    static func binomial(_ trials: Double, _ p: Double, random: inout SeededRandom) -> Double {
        if trials > 50 {
            let spread = (trials * p * (1 - p)).squareRoot()
            return min(trials, max(0, (trials * p + spread * random.normal()).rounded()))
        }
        var count = 0.0
        for _ in 0..<Int(trials) where random.uniform() < p { count += 1 }
        return count
    }

    /// A Poisson count (Knuth's method for small means, a normal approximation above 30).
    static func poisson(_ mean: Double, random: inout SeededRandom) -> Double {
        if mean > 30 { return max(0, (mean + mean.squareRoot() * random.normal()).rounded()) }
        let limit = exp(-mean)
        var count = 0.0, product = random.uniform()
        while product > limit {
            count += 1
            product *= random.uniform()
        }
        return count
    }

    /// Whether the model's best bucket is the true best (exactly, or within 3 %) on at least four of five weekdays.
    private func knowsPeak(_ account: SimulatedAccount, model: LearnedTiming, week: Int) -> (exact: Bool, near: Bool, hour: Bool)
    {
        guard let estimates = model.estimates(account: account.id, network: account.network), estimates.accountID != "*" else {
            return (false, false, false)
        }
        var exact = 0, near = 0, days = 0, hour = 0
        for weekday in 0..<5 {
            let day = self.day(account, week: week, weekday: weekday)
            let candidates = day.buckets.keys.sorted()
            guard !candidates.isEmpty, let truth = bestBucket(account, day: day, week: week) else { continue }
            days += 1
            let belief = candidates.max { (estimates.buckets[$0]?.mean ?? -9) < (estimates.buckets[$1]?.mean ?? -9) }!
            if truth == belief { exact += 1 }
            let peak = account.audience.peak(weekday: day.date.isoWeekday, week: week)
            let learned = estimates.belief?.peakHour(weekday: day.date.isoWeekday) ?? Double(belief.block * 2 + 1)
            if abs(Self.closestAllowed(day, to: learned) - Self.closestAllowed(day, to: peak)) <= 60 { hour += 1 }
            if trueValue(belief, day: day, account: account, week: week)
                >= 0.97 * trueValue(truth, day: day, account: account, week: week)
            {
                near += 1
            }
        }
        return (days > 0 && exact >= days - 1, days > 0 && near >= days - 1, days > 0 && hour >= days - 1)
    }

    /// The allowed minute of `day` closest (around the clock) to `hour`: where a bump peaking at `hour` is highest.
    static func closestAllowed(_ day: SimulationDay, to hour: Double) -> Int {
        var best = day.ranges[0].start, distance = Double.infinity
        for range in day.ranges {
            for minute in range.start..<range.end {
                let d = PeakGrid.circularDistance(Double(minute) / 60, hour)
                if d < distance {
                    distance = d
                    best = minute
                }
            }
        }
        return best
    }

    /// The bucket of `day` with the highest expected engagement in `week`.
    func bestBucket(_ account: SimulatedAccount, day: SimulationDay, week: Int) -> TimingBucket? {
        day.buckets.keys.sorted().max {
            trueValue($0, day: day, account: account, week: week) < trueValue($1, day: day, account: account, week: week)
        }
    }

    /// Expected engagement of a post in `bucket`, averaged over its allowed minutes.
    func trueValue(_ bucket: TimingBucket, day: SimulationDay, account: SimulatedAccount, week: Int) -> Double {
        var sum = 0.0, count = 0.0
        for range in day.buckets[bucket] ?? [] {
            for minute in stride(from: range.start, to: range.end, by: 10) {
                sum += account.audience.expected(weekday: day.date.isoWeekday, hour: Double(minute) / 60, week: week)
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
