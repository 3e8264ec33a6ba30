import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// Whose posts a calendar shows (one account, one team, or every account the user sees) and in
/// which time zone its days are drawn: the account's own zone; for a team, the zone of the team's
/// first account (as `glocal.yaml` lists accounts); for everything, the default locale's zone.
struct CalendarScope {
    /// `account`, `team` or `all`.
    var kind: String
    /// The account or team id; empty for `all`.
    var id: String
    /// The accounts shown.
    var accounts: Set<String>
    /// The zone the grid's days are in.
    var zone: TimeZone
    /// Where the zone comes from, in words.
    var zoneNote: String
    /// The title of the page.
    var title: String

    /// The query parameters naming this scope (`account=…`, `team=…`, or nothing).
    var query: String {
        switch kind {
        case "account": return "account=" + Self.encode(id)
        case "team": return "team=" + Self.encode(id)
        default: return ""
        }
    }

    /// The scope the request asks for (`account` or `team`), or the viewer's own: a manager's first
    /// team, everything for an admin or a viewer. 404 for an unknown id, 403 for one outside the user's teams.
    static func resolve(account: String?, team: String?, scope: ApprovalScope, workspace: Workspace) throws -> CalendarScope {
        if let account, !account.isEmpty {
            guard let found = workspace.accounts.first(where: { $0.id.value == account }) else {
                throw HTTPError(.notFound, message: "No account '\(account)'.")
            }
            guard scope.canSee(account: account) else { throw RequestGuard.forbidden(account) }
            let zone = workspace.timeZoneID(of: found)
            return CalendarScope(
                kind: "account", id: account, accounts: [account], zone: TimeZone(identifier: zone) ?? .gmt,
                zoneNote: "\(zone), the time zone of the account", title: "Calendar of \(account)")
        }
        let teamID = team.flatMap { $0.isEmpty ? nil : $0 } ?? (scope.seesEverything ? nil : scope.teams.first)
        if let teamID {
            guard let found = workspace.settings.teams.first(where: { $0.id.value == teamID }) else {
                throw HTTPError(.notFound, message: "No team '\(teamID)'.")
            }
            let members = workspace.accounts.filter { account in
                found.accountPatterns.contains { GlobPattern.matches($0.value, account.id.value) }
            }
            let visible = members.filter { scope.canSee(account: $0.id.value) }
            guard let first = visible.first else {
                throw HTTPError(.forbidden, message: "Team '\(teamID)' has no account you may see.")
            }
            let zone = workspace.timeZoneID(of: first)
            return CalendarScope(
                kind: "team", id: teamID, accounts: Set(visible.map(\.id.value)), zone: TimeZone(identifier: zone) ?? .gmt,
                zoneNote:
                    "\(zone), the zone of \(first.id.value), the team's first account; each post also shows its own local time",
                title: "Calendar of team \(teamID)")
        }
        let locale = workspace.settings.defaultLocale.value
        let zone = workspace.timeZoneID(ofLocale: locale)
        let visible = workspace.accounts.map(\.id.value).filter(scope.canSee(account:))
        return CalendarScope(
            kind: "all", id: "", accounts: Set(visible), zone: TimeZone(identifier: zone) ?? .gmt,
            zoneNote: "\(zone), the zone of the default locale \(locale); each post also shows its own local time",
            title: scope.seesEverything || !scope.teams.isEmpty
                ? "Calendar of every account" : "Calendar of no account: you manage no team")
    }

    /// `text` escaped for a query string's value.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
