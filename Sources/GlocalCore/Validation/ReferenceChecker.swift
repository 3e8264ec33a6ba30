import Foundation

/// Checks that everything the workspace names exists: locales, fallbacks, time zones, teams' accounts,
/// campaign targets, post sequencing, media files, and that ids are unique.
struct ReferenceChecker {
    let workspace: Workspace
    let media: any MediaInspector
    var diagnostics: [Diagnostic] = []
    /// False when the locales/ folder itself could not be read: no locale can then be called unknown or missing.
    var localesListed = true

    init(workspace: Workspace, media: any MediaInspector) {
        self.workspace = workspace
        self.media = media
    }

    private var localeIDs: [String] { workspace.locales.keys.sorted() }

    private mutating func error(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        diagnostics.append(Diagnostic(.error, rule, message, at: location, notes: notes))
    }

    private mutating func warning(_ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        diagnostics.append(Diagnostic(.warning, rule, message, at: location, notes: notes))
    }

    mutating func checkLocale(_ id: Located<String>, what: String) {
        guard localesListed, workspace.locales[id.value] == nil else { return }
        error(
            .localeUnknown, "unknown locale '\(DiagnosticText.cut(id.value))' in \(what)", at: id.location,
            notes: Suggestion.notes(for: id.value, in: localeIDs)
                + ["known locales: \(localeIDs.joined(separator: ", ")); add a file locales/\(id.value).yaml for a new one"])
    }

    /// The default locale ends every fallback chain, so its file is required (`file.missing`).
    private mutating func checkDefaultLocale() {
        let id = workspace.settings.defaultLocale
        guard localesListed, workspace.locales[id.value] == nil else { return }
        guard LocaleID.isWellFormed(id.value) else { return checkLocale(id, what: "default_locale") }
        error(
            .fileMissing, "locales/\(id.value).yaml, the default locale's file, is missing from the workspace",
            at: id.location,
            notes: Suggestion.notes(for: id.value, in: localeIDs)
                + ["every fallback chain ends at the default locale: create locales/\(id.value).yaml with 'locale: \(id.value)'"])
    }

    mutating func checkWorkspace(checkTeams teamsReliable: Bool = true) {
        checkDefaultLocale()
        checkLocales()
        checkAccounts()
        if teamsReliable { checkTeams() }
        var campaignIDs: [String: SourceLocation] = [:]
        for campaign in workspace.campaigns {
            if let first = campaignIDs[campaign.id.value] {
                error(
                    .idDuplicate, "campaign id '\(DiagnosticText.cut(campaign.id.value))' is already used",
                    at: campaign.id.location,
                    notes: ["first used at \(first)"])
            } else {
                campaignIDs[campaign.id.value] = campaign.id.location
            }
        }
    }

    private mutating func checkLocales() {
        var reportedCycles = Set<String>()
        for id in localeIDs {
            let locale = workspace.locales[id]!
            if let fallback = locale.fallback {
                checkLocale(fallback, what: "fallback")
                var seen = [id]
                var current = fallback.value
                while let next = workspace.locales[current] {
                    if seen.contains(current) {
                        let cycle = seen[seen.firstIndex(of: current)!...].sorted().joined(separator: ",")
                        guard reportedCycles.insert(cycle).inserted else { break }
                        error(
                            .localeFallbackCycle, "locale fallbacks loop: \((seen + [current]).joined(separator: " → "))",
                            at: fallback.location, notes: ["a fallback chain must end; the default locale ends every chain"])
                        break
                    }
                    seen.append(current)
                    guard let after = next.fallback?.value else { break }
                    current = after
                }
            }
        }
    }

    private mutating func checkAccounts() {
        var seen: [String: SourceLocation] = [:]
        for account in workspace.accounts {
            if let first = seen[account.id.value] {
                error(
                    .idDuplicate, "account id '\(DiagnosticText.cut(account.id.value))' is already used", at: account.id.location,
                    notes: ["first used at \(first)"])
            } else {
                seen[account.id.value] = account.id.location
            }
            checkLocale(account.locale, what: "account '\(DiagnosticText.cut(account.id.value))'")
            if account.timeZone == nil, let locale = workspace.locales[account.locale.value], locale.timeZone == nil {
                error(
                    .timezoneUnknown, "account '\(DiagnosticText.cut(account.id.value))' has no time zone",
                    at: account.id.location,
                    notes: ["add 'timezone:' to the account, or to locales/\(account.locale.value).yaml"])
            }
        }
    }

    private mutating func checkTeams() {
        let ids = workspace.accounts.map(\.id.value)
        var managed = Set<String>()
        for team in workspace.settings.teams {
            for pattern in team.accountPatterns {
                let matched = ids.filter { GlobPattern.matches(pattern.value, $0) }
                managed.formUnion(matched)
                if matched.isEmpty {
                    error(
                        .accountUnknown,
                        "'\(DiagnosticText.cut(pattern.value))' in team '\(DiagnosticText.cut(team.id.value))' matches no account",
                        at: pattern.location, notes: Suggestion.notes(for: pattern.value, in: ids))
                }
            }
        }
        guard !workspace.settings.teams.isEmpty else { return }
        for account in workspace.accounts where !managed.contains(account.id.value) {
            warning(
                .accountUnmanaged,
                "account '\(DiagnosticText.cut(account.id.value))' is in no team: no local manager can approve its posts",
                at: account.id.location, notes: ["add it to a team's 'accounts' in glocal.yaml"])
        }
    }
}
