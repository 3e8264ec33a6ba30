import Foundation
import Testing

@testable import GlocalCore

/// Builds a workspace in code (accounts, locales with holidays, campaigns with posts), expands it with
/// ``VariantExpander`` and schedules it with ``Scheduler``. Time only ever comes from `notBefore`.
struct ScheduleFixture {
    /// Every value of the fixture is "written" here.
    static let location = SourceLocation(file: "t.yaml", line: 1, column: 1)

    /// One post of a campaign, as a campaign file would declare it.
    struct PostSpec {
        var id: String
        var day: Int? = nil
        var at: String? = nil
        var after: String? = nil
        var minGap: GlocalDuration? = nil
        var live = false
        var holiday = false
        /// Narrows the campaign's targets to these account ids.
        var accounts: [String] = []
    }

    var accounts: [Account] = []
    var locales: [String: LocaleDefinition] = [:]
    var campaigns: [Campaign] = []
    var quietHours: QuietHours? = QuietHours(start: ScheduleFixture.time("22:00"), end: ScheduleFixture.time("07:00"))
    var timing = TimingTable.standard
    /// Local teams (for sibling accounts).
    var teams: [Team] = []

    init() {}

    /// Adds a team covering `patterns`.
    mutating func team(_ id: String, _ patterns: [String]) {
        teams.append(Team(id: Self.located(id), accountPatterns: patterns.map { Self.located($0) }, managers: []))
    }

    // MARK: Values

    static func located<Value>(_ value: Value) -> Located<Value> { Located(value, at: location) }

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func time(_ text: String) -> LocalTime { LocalTime(text: text)! }

    /// `2027-03-28T01:30:00Z`, parsed by Foundation (not by the code under test).
    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func hours(_ count: Int) -> GlocalDuration { GlocalDuration(seconds: count * 3600) }

    static func window(_ text: String) -> TimeWindow { TimeWindow(text: text)! }

    // MARK: Building

    /// Adds a locale whose accounts live in `zone`; every locale defines the one string key `body`.
    mutating func locale(_ id: String, zone: String, holidays: [String] = []) {
        let body = LocalizedString(
            text: "Hello from {brand}", location: Self.location, keyLocation: Self.location, isColumnExact: false)
        locales[id] = LocaleDefinition(
            id: Self.located(id), timeZone: Self.located(zone), holidays: holidays.map { Self.located(Self.date($0)) },
            strings: ["body": body], file: "locales/\(id).yaml")
    }

    /// Adds an account; `zone` overrides the locale's time zone.
    mutating func account(_ id: String, _ network: Network, locale: String, zone: String? = nil) {
        accounts.append(
            Account(
                id: Self.located(id), network: network, networkLocation: Self.location, handle: "@" + id,
                locale: Self.located(locale), timeZone: zone.map { Self.located($0) }))
    }

    /// Adds a campaign running from `start` to `end` (inclusive) to `accounts` (ids; all when empty).
    mutating func campaign(_ id: String, start: String, end: String, accounts: [String] = [], posts: [PostSpec]) {
        var targets = CampaignTargets()
        targets.accounts = accounts.map { Self.located($0) }
        campaigns.append(
            Campaign(
                id: Self.located(id), kind: Self.located(.informative),
                window: CampaignWindow(start: Self.located(Self.date(start)), end: Self.located(Self.date(end))),
                targets: targets, posts: posts.map(Self.post), file: "campaigns/\(id).yaml"))
    }

    static func post(_ spec: PostSpec) -> Post {
        var targets: CampaignTargets? = nil
        if !spec.accounts.isEmpty {
            var narrowed = CampaignTargets()
            narrowed.accounts = spec.accounts.map { located($0) }
            targets = narrowed
        }
        return Post(
            id: located(spec.id), day: spec.day.map { located($0) }, at: spec.at.map { located(time($0)) },
            text: located("body"),
            after: spec.after.map { PostSequencing(post: located($0), minGap: spec.minGap.map { located($0) }) },
            live: spec.live, holiday: spec.holiday, targets: targets)
    }

    /// Replaces one network's profile, starting from the standard one.
    mutating func profile(
        _ network: Network, preferred: [String]? = nil, allowed: [String]? = nil, minGap: GlocalDuration? = nil,
        maxPerDay: Int? = nil, maxPerWeek: Int?? = nil
    ) {
        var profile = timing.profile(network)
        if let preferred { profile.preferred = preferred.map(Self.window) }
        if let allowed { profile.allowed = allowed.map(Self.window) }
        if let minGap { profile.minGap = minGap }
        if let maxPerDay { profile.maxPerDay = maxPerDay }
        if let maxPerWeek { profile.maxPerWeek = maxPerWeek }
        timing.profiles[network] = profile
    }

    // MARK: Running

    var workspace: Workspace {
        var policy = WorkspacePolicy()
        policy.quietHours = quietHours
        policy.approval = .auto
        var settings = WorkspaceSettings(
            name: Self.located("fixture"), brand: "Lumière", defaultLocale: Self.located(locales.keys.sorted().first ?? "en"),
            policy: policy, teams: teams, location: Self.location)
        settings.timing = timing
        return Workspace(settings: settings, accounts: accounts, locales: locales, campaigns: campaigns)
    }

    /// Every variant of every campaign, in campaign order.
    func variants() -> [PostVariant] {
        let expander = VariantExpander(workspace: workspace)
        return campaigns.flatMap { expander.expand($0).variants }
    }

    /// Expands and schedules the workspace.
    func schedule(notBefore: Date? = nil, stored: [StoredVariant] = []) -> ScheduleRun {
        let workspace = workspace
        let variants = variants()
        let result = Scheduler(workspace: workspace, timing: timing).schedule(variants, stored: stored, notBefore: notBefore)
        return ScheduleRun(
            workspace: workspace, timing: timing, variants: variants, scheduled: result.scheduled, diagnostics: result.diagnostics
        )
    }
}

/// One scheduling run and ways to look into it.
struct ScheduleRun {
    let workspace: Workspace
    let timing: TimingTable
    let variants: [PostVariant]
    let scheduled: [ScheduledVariant]
    let diagnostics: [Diagnostic]

    /// The scheduled variant `campaign/post/account`.
    func variant(_ id: String) -> ScheduledVariant? { scheduled.first { $0.variant.id == id } }

    /// The slot of `campaign/post/account`.
    func slot(_ id: String) -> LocalInstant? { variant(id)?.slot }

    /// The rules named in the explanation of `campaign/post/account`.
    func rules(_ id: String) -> [String] { variant(id)?.explanation.map(\.rule) ?? [] }

    /// Instants by variant id (`nil` for live posts).
    var instants: [String: Date?] { Dictionary(uniqueKeysWithValues: scheduled.map { ($0.variant.id, $0.slot?.instant) }) }

    /// The `schedule.unplaceable` diagnostics.
    var unplaceable: [Diagnostic] { diagnostics.filter { $0.rule == DiagnosticRule.scheduleUnplaceable.id } }

    /// What the store would hold after applying this run.
    var stored: [StoredVariant] {
        let planner = Planner(workspace: workspace)
        return scheduled.map { planner.record(for: $0) }
    }
}

extension LocalInstant {
    /// `2026-11-03 09:17`.
    var wall: String { "\(date) \(time)" }
}
