import Foundation

/// Who is told about an account: the teams whose account patterns cover it and their managers.
///
/// Built from glocal.yaml's teams; a person is a recipient only if they are a manager user of the
/// store (the caller filters by role and preferences).
public struct NotificationAudience: Sendable {
    private let teams: [Team]

    /// The audience of a workspace with `teams`.
    public init(teams: [Team]) { self.teams = teams }

    /// The ids of the teams that cover `accountID`, in glocal.yaml's order.
    public func teams(covering accountID: String) -> [String] {
        teams.filter { team in team.accountPatterns.contains { GlobPattern.matches($0.value, accountID) } }.map(\.id.value)
    }

    /// The lowercased addresses of the managers of the teams that cover `accountID`, each once, sorted.
    public func managers(of accountID: String) -> [String] {
        let covering = Set(teams(covering: accountID))
        let emails = teams.filter { covering.contains($0.id.value) }.flatMap { $0.managers.map { $0.value.lowercased() } }
        return Array(Set(emails)).sorted()
    }

    /// The time zone a manager's digest follows: the one most of their teams' accounts are in
    /// (ties broken by the zone's name), UTC when they cover none.
    public func digestTimeZone(for scope: ApprovalScope, accountZones: [String: TimeZone]) -> TimeZone {
        var counts: [String: Int] = [:]
        for (account, zone) in accountZones where scope.canSee(account: account) { counts[zone.identifier, default: 0] += 1 }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        return best.flatMap { TimeZone(identifier: $0.key) } ?? TimeZone(identifier: "UTC")!
    }
}
