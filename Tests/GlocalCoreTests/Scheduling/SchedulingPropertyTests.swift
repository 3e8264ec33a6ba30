import Foundation
import Testing

@testable import GlocalCore

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every failing seed replays exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Random workspaces around the DST changes of autumn 2026 and spring 2027, scheduled, then every
/// variant checked against every hard rule of docs/scheduling.md. Seeds are fixed: a failure names its seed.
@Suite struct SchedulingPropertyTests {
    typealias F = ScheduleFixture

    static let zones = [
        ("fr-FR", "Europe/Paris"), ("en-US", "America/New_York"), ("ja-JP", "Asia/Tokyo"), ("en-AU", "Australia/Sydney"),
        ("en-GB", "Europe/London"),
    ]

    struct Generated {
        var fixture: ScheduleFixture
        var notBefore: Date?
    }

    static func generate(seed: UInt64) -> Generated {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
        var fixture = ScheduleFixture()
        // Spring: NY 03-14, Paris/London 03-28, Sydney (back) 04-04. Autumn: Sydney 10-04, Europe 10-25, NY 11-01.
        let spring = rng.chance(50)
        let periodStart =
            spring ? F.date("2027-03-06").adding(days: rng.int(0...24)) : F.date("2026-09-28").adding(days: rng.int(0...32))

        var localePool = zones
        localePool.shuffle(using: &rng)
        let locales = Array(localePool.prefix(rng.int(3...5)))
        for (id, zone) in locales {
            let holidays = (0..<rng.int(0...3)).map { _ in periodStart.adding(days: rng.int(-1...16)).description }
            fixture.locale(id, zone: zone, holidays: holidays)
        }
        let accountCount = rng.int(4...14)
        for index in 0..<accountCount {
            let (locale, _) = rng.pick(locales)
            let override = rng.chance(15) ? rng.pick(zones).1 : nil
            fixture.account("a\(index)", rng.pick(Network.allCases), locale: locale, zone: override)
        }
        let accountIDs = fixture.accounts.map(\.id.value)

        for campaignIndex in 0..<rng.int(1...3) {
            let start = periodStart.adding(days: rng.int(0...6))
            let length = rng.int(3...14)
            let targets = rng.chance(40) ? accountIDs.filter { _ in rng.chance(60) } : []
            var posts: [F.PostSpec] = []
            for postIndex in 0..<rng.int(1...4) {
                var post = F.PostSpec(id: "p\(postIndex)")
                if rng.chance(80) { post.day = rng.int(0...(length - 1)) }
                if rng.chance(15) {
                    post.at =
                        rng.chance(30)
                        ? rng.pick(["02:30", "02:00", "01:30", "03:00"])
                        : String(format: "%02d:%02d", rng.int(0...23), rng.int(0...59))
                }
                post.live = rng.chance(6)
                post.holiday = rng.chance(12)
                if postIndex > 0, rng.chance(40) {
                    let previous = posts[rng.int(0...(postIndex - 1))]
                    post.after = previous.id
                    post.minGap = rng.pick([nil, F.hours(1), F.hours(12), F.hours(36)])
                    // As validation demands: never on an earlier day than the post it follows.
                    post.day = max(post.day ?? 0, previous.day ?? 0)
                }
                if rng.chance(20) { post.accounts = accountIDs.filter { _ in rng.chance(50) } }
                posts.append(post)
            }
            fixture.campaign(
                "c\(campaignIndex)", start: start.description, end: start.adding(days: length - 1).description,
                accounts: targets, posts: posts)
        }
        switch rng.int(0...9) {
        case 0: fixture.quietHours = nil
        case 1: fixture.quietHours = QuietHours(start: F.time("23:00"), end: F.time("06:00"))
        default: break
        }
        if rng.chance(30) { fixture.timing.fleetLimit = rng.int(1...3) }
        let notBefore =
            rng.chance(50)
            ? F.utc(periodStart.description + "T00:00:00Z").addingTimeInterval(Double(rng.int(0...(72 * 60)) * 60)) : nil
        return Generated(fixture: fixture, notBefore: notBefore)
    }

    /// ISO year and week by Foundation's ISO-8601 calendar (independent of the scheduler's arithmetic).
    static func isoWeek(_ date: LocalDate) -> Int {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: day)
        return parts.yearForWeekOfYear! * 100 + parts.weekOfYear!
    }

    @Test(arguments: 0..<40)
    func everyVariantObeysEveryRule(seed: Int) throws {
        let generated = Self.generate(seed: UInt64(seed))
        let fixture = generated.fixture
        let run = fixture.schedule(notBefore: generated.notBefore)
        let problems = Self.problems(run, notBefore: generated.notBefore, seed: seed)
        #expect(problems.isEmpty, "\(problems.count) broken rules:\n\(problems.prefix(20).joined(separator: "\n"))")

        // Deterministic, and stable: the stored plan is kept as it is.
        let again = fixture.schedule(notBefore: generated.notBefore, stored: run.stored)
        #expect(again.instants == run.instants, "seed \(seed): re-planning moved slots")
        #expect(again.unplaceable.count == run.unplaceable.count, "seed \(seed)")
    }

    /// Every broken rule, one line each (empty when the schedule is sound).
    static func problems(_ run: ScheduleRun, notBefore: Date?, seed: Int) -> [String] {
        var problems: [String] = []
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        let workspace = run.workspace
        let accounts = Dictionary(uniqueKeysWithValues: workspace.accounts.map { ($0.id.value, $0) })
        let campaigns = Dictionary(uniqueKeysWithValues: workspace.campaigns.map { ($0.id.value, $0) })
        let quiet = workspace.settings.policy.quietHours
        // The account's own zone, else its locale's (worked out here, not asked of the scheduler).
        var zones: [String: TimeZone] = [:]
        for account in workspace.accounts {
            let id = account.timeZone?.value ?? workspace.locales[account.locale.value]!.timeZone!.value
            zones[account.id.value] = TimeZone(identifier: id)!
        }
        let context = "seed \(seed)"

        // Nothing silently dropped: each variant is scheduled once or reported unplaceable once.
        let scheduledIDs = run.scheduled.map(\.variant.id)
        expect(Set(scheduledIDs).count == scheduledIDs.count, "\(context): a variant scheduled twice")
        let scheduledSet = Set(scheduledIDs)
        for variant in run.variants {
            let reports = run.unplaceable.filter {
                $0.account == variant.accountID
                    && $0.message.contains("post '\(variant.postID)' of campaign '\(variant.campaignID)'")
            }
            if scheduledSet.contains(variant.id) {
                expect(reports.isEmpty, "\(context): \(variant.id) both scheduled and unplaceable")
            } else {
                expect(reports.count == 1, "\(context): \(variant.id) neither scheduled nor reported")
            }
        }
        expect(run.scheduled.count + run.unplaceable.count == run.variants.count, "\(context)")

        var byAccount: [String: [(Date, ScheduledVariant)]] = [:]
        var perDay: [String: Int] = [:], perWeek: [String: Int] = [:]
        var fleet: [String: Int] = [:]
        var slotByID: [String: LocalInstant] = [:]
        for scheduled in run.scheduled {
            let variant = scheduled.variant
            let rules = scheduled.explanation.map(\.rule)
            let what = "\(context): \(variant.id)"
            guard let slot = scheduled.slot else {
                expect(variant.live, "\(what) has no slot but is not live")
                expect(rules.contains("live"), "\(what)")
                continue
            }
            expect(!variant.live, "\(what) is live but has a slot")
            slotByID[variant.id] = slot
            let account = accounts[variant.accountID]!
            let zone = zones[variant.accountID]!
            let profile = run.timing.profile(variant.network)
            let campaign = campaigns[variant.campaignID]!
            let locale = workspace.locales[account.locale.value]!

            // The slot is a real instant of the account's zone, read back as its own wall time.
            expect(slot.timeZone == zone.identifier, "\(what)")
            let back = LocalInstant(instant: slot.instant, zone: zone)
            expect(back.date == slot.date && back.time == slot.time, "\(what): \(slot.wall) reads back as \(back.wall)")

            if let at = variant.time {
                if case let .skippedGap(minutes) = slot.adjustment {
                    expect(slot.time.minutes == at.minutes + minutes, "\(what)")
                    expect(rules.contains("dst"), "\(what)")
                } else {
                    expect(slot.time == at, "\(what): asked \(at), got \(slot.wall)")
                }
                expect(rules.contains("explicit-time"), "\(what)")
            } else {
                let windows = profile.preferred + profile.allowed
                expect(
                    windows.contains { $0.contains(weekday: slot.date.isoWeekday, time: slot.time) },
                    "\(what): \(slot.date.weekdayAbbreviation) \(slot.wall) is outside every \(variant.network) window")
                expect(slot.time.minute != 0 && slot.time.minute != 30, "\(what): \(slot.wall)")
                expect(slot.adjustment != .skippedGap(minutes: 60), "\(what)")
                if let quiet { expect(!quiet.contains(slot.time), "\(what): \(slot.wall) is in quiet hours") }
            }
            if !variant.holiday {
                expect(!locale.holidays.contains { $0.value == slot.date }, "\(what): \(slot.date) is a holiday")
            }
            expect(
                slot.date >= variant.date && slot.date <= campaign.window.end.value,
                "\(what): \(slot.date) outside \(variant.date)…\(campaign.window.end.value)")
            if let notBefore { expect(slot.instant >= notBefore, "\(what): before notBefore") }

            byAccount[variant.accountID, default: []].append((slot.instant, scheduled))
            perDay["\(variant.accountID)|\(slot.date)", default: 0] += 1
            perWeek["\(variant.accountID)|\(Self.isoWeek(slot.date))", default: 0] += 1
            if variant.time == nil {
                let bucket = Int((slot.instant.timeIntervalSince1970 / Double(run.timing.fleetBucket.seconds)).rounded(.down))
                fleet["\(variant.network)|\(bucket)", default: 0] += 1
            }
        }

        // Gap and caps per account.
        for (accountID, entries) in byAccount {
            let profile = run.timing.profile(accounts[accountID]!.network!)
            let sorted = entries.sorted { $0.0 < $1.0 }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                expect(
                    later.0.timeIntervalSince(earlier.0) >= Double(profile.minGap.seconds),
                    "\(context): \(earlier.1.variant.id) and \(later.1.variant.id) are closer than \(profile.minGap)")
            }
        }
        for (key, count) in perDay {
            let profile = run.timing.profile(accounts[String(key.split(separator: "|")[0])]!.network!)
            expect(count <= profile.maxPerDay, "\(context): \(key) has \(count) posts, cap \(profile.maxPerDay)")
        }
        for (key, count) in perWeek {
            let profile = run.timing.profile(accounts[String(key.split(separator: "|")[0])]!.network!)
            if let cap = profile.maxPerWeek { expect(count <= cap, "\(context): \(key) has \(count) posts, weekly cap \(cap)") }
        }
        // Explicit times are exempt from fleet spreading (docs/scheduling.md): only staggered posts are capped.
        for (key, count) in fleet {
            expect(count <= run.timing.fleetLimit, "\(context): fleet bucket \(key) has \(count) staggered posts")
        }

        // Sequencing, per account.
        for scheduled in run.scheduled {
            let variant = scheduled.variant
            guard let slot = scheduled.slot,
                let post = campaigns[variant.campaignID]!.posts.first(where: { $0.id.value == variant.postID }),
                let after = post.after,
                let previous = slotByID[
                    VariantIdentity.id(campaign: variant.campaignID, post: after.post.value, account: variant.accountID)]
            else { continue }
            let gap = after.minGap?.value.seconds ?? 0
            expect(
                slot.instant.timeIntervalSince(previous.instant) >= Double(gap),
                "\(context): \(variant.id) is \(slot.wall), its predecessor \(previous.wall)")
            expect(slot.instant > previous.instant, "\(context): \(variant.id) is not after its predecessor")
        }

        // Spacing between networks of one post and locale: only broken when the explanation says it gave way.
        var byPostLocale: [String: [ScheduledVariant]] = [:]
        for scheduled in run.scheduled where scheduled.slot != nil {
            byPostLocale["\(scheduled.variant.campaignID)/\(scheduled.variant.postID)|\(scheduled.variant.locale)", default: []]
                .append(scheduled)
        }
        for group in byPostLocale.values {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] where a.variant.network != b.variant.network {
                    let distance = abs(a.slot!.instant.timeIntervalSince(b.slot!.instant))
                    guard distance < Double(run.timing.networkSpacing.seconds) else { continue }
                    let relaxed = (a.explanation + b.explanation).contains { $0.rule == "network-spacing" }
                    // Explicit times are not spread between networks (docs/scheduling.md).
                    let explicit = a.variant.time != nil || b.variant.time != nil
                    expect(
                        relaxed || explicit, "\(context): \(a.variant.id) and \(b.variant.id) are \(Int(distance / 60)) min apart"
                    )
                }
            }
        }
        return problems
    }

    /// The checker is not vacuous: a slot moved to 23:00 (outside every window, in quiet hours, on the hour)
    /// and a variant dropped without a diagnostic are both caught.
    @Test func theCheckerCatchesABrokenSchedule() throws {
        let generated = Self.generate(seed: 1)
        let run = generated.fixture.schedule(notBefore: generated.notBefore)
        var scheduled = run.scheduled
        let index = try #require(scheduled.firstIndex { $0.slot != nil && $0.variant.time == nil })
        let slot = scheduled[index].slot!
        scheduled[index].slot = LocalInstant(date: slot.date, time: F.time("23:00"), zone: TimeZone(identifier: slot.timeZone)!)
        let moved = ScheduleRun(
            workspace: run.workspace, timing: run.timing, variants: run.variants, scheduled: scheduled,
            diagnostics: run.diagnostics)
        #expect(Self.problems(run, notBefore: generated.notBefore, seed: 1).isEmpty)
        let movedProblems = Self.problems(moved, notBefore: generated.notBefore, seed: 1)
        #expect(movedProblems.contains { $0.contains("outside every") })
        #expect(movedProblems.contains { $0.contains("quiet hours") })
        let dropped = ScheduleRun(
            workspace: run.workspace, timing: run.timing, variants: run.variants, scheduled: Array(run.scheduled.dropFirst()),
            diagnostics: run.diagnostics)
        #expect(
            Self.problems(dropped, notBefore: generated.notBefore, seed: 1).contains {
                $0.contains("neither scheduled nor reported")
            })
    }

    /// The generator itself covers what the properties are about.
    @Test func generatorCoversTheInterestingCases() {
        var zones = Set<String>(), explicit = 0, live = 0, holidayPosts = 0, sequenced = 0, variants = 0
        for seed in 0..<40 {
            let fixture = Self.generate(seed: UInt64(seed)).fixture
            zones.formUnion(fixture.locales.values.compactMap { $0.timeZone?.value })
            for post in fixture.campaigns.flatMap(\.posts) {
                if post.at != nil { explicit += 1 }
                if post.live { live += 1 }
                if post.holiday { holidayPosts += 1 }
                if post.after != nil { sequenced += 1 }
            }
            variants += fixture.variants().count
        }
        #expect(zones.isSuperset(of: ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]))
        #expect(explicit > 5 && live > 0 && holidayPosts > 3 && sequenced > 10)
        #expect(variants > 500)
    }
}
