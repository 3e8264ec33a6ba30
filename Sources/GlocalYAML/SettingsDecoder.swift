import GlocalCore
import Yams

/// Decodes `glocal.yaml`.
enum SettingsDecoder {
    static let keys = ["workspace", "brand", "default_locale", "policy", "teams", "timing", "api_versions"]
    static let policyKeys = ["approval", "approval_deadline", "quiet_hours", "promotional_share"]
    static let shareKeys = ["max", "window", "severity"]
    static let teamKeys = ["name", "accounts", "managers"]

    static func decode(_ root: Node?, context: DecodeContext) -> WorkspaceSettings? {
        let start = SourceLocation(file: context.file, line: 1, column: 1)
        guard let root else {
            context.collector.error(.keyMissing, "glocal.yaml is empty: it needs 'workspace' and 'default_locale'", at: start)
            return nil
        }
        guard let map = context.mapping(root, what: "glocal.yaml", allowed: keys, required: ["workspace", "default_locale"])
        else { return nil }
        let name = context.slug(map.string("workspace"), what: "workspace id")
        let defaultLocale = map.string("default_locale")
        var policy = WorkspacePolicy()
        if let node = map.value("policy") { decodePolicy(node, into: &policy, context: context) }
        var teams: [Team] = []
        if let node = map.value("teams") { teams = decodeTeams(node, context: context) }
        let timing = map.value("timing").map { TimingDecoder.decode($0, context: context) }
        let apiVersions = map.value("api_versions").map { APIVersionsDecoder.decode($0, context: context) }
        guard let name, let defaultLocale else { return nil }
        var settings = WorkspaceSettings(
            name: name, brand: map.string("brand")?.value, defaultLocale: defaultLocale, policy: policy, teams: teams,
            location: start)
        if let timing { settings.timing = timing }
        if let apiVersions { settings.apiVersions = apiVersions }
        return settings
    }

    private static func decodePolicy(_ node: Node, into policy: inout WorkspacePolicy, context: DecodeContext) {
        guard let map = context.mapping(node, what: "policy", allowed: policyKeys, for: "policy") else { return }
        if let approval = map.choice("approval", ApprovalMode.self) { policy.approval = approval.value }
        if let deadline = context.duration(
            map.string("approval_deadline"), what: "approval_deadline", in: NumberRanges.approvalDeadline)
        {
            policy.approvalDeadline = deadline.value
        }
        if let quiet = map.string("quiet_hours") {
            let parts = quiet.value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let start = LocalTime(text: parts[0]), let end = LocalTime(text: parts[1]) {
                policy.quietHours = QuietHours(start: start, end: end)
            } else {
                context.collector.error(
                    .timeInvalid, "invalid quiet_hours '\(DiagnosticText.cut(quiet.value))'", at: quiet.location,
                    notes: ["write quiet hours as \"HH:MM-HH:MM\", e.g. \"22:00-07:00\""])
            }
        }
        if let shareNode = map.value("promotional_share"),
            let share = context.mapping(shareNode, what: "promotional_share", allowed: shareKeys, for: "promotional_share")
        {
            policy.promotionalShare.location = context.location(of: shareNode)
            if let max = share.double("max") {
                if (0...1).contains(max.value) {
                    policy.promotionalShare.maxShare = max.value
                } else {
                    context.collector.error(
                        .valueInvalid, "promotional_share max must be between 0 and 1, found \(max.value)", at: max.location,
                        notes: ["0.2 means at most 20 % promotional posts"])
                }
            }
            if let window = context.duration(
                share.string("window"), what: "promotional_share window", in: NumberRanges.promotionalWindow)
            {
                policy.promotionalShare.window = window.value
            }
            if let severity = share.string("severity") {
                switch severity.value {
                case "error": policy.promotionalShare.severity = .error
                case "warning": policy.promotionalShare.severity = .warning
                default:
                    context.collector.error(
                        .valueInvalid, "'\(DiagnosticText.cut(severity.value))' is not a valid severity", at: severity.location,
                        notes: Suggestion.notes(for: severity.value, in: ["error", "warning"]) + [
                            "expected one of: error, warning"
                        ])
                }
            }
        }
    }

    private static func decodeTeams(_ node: Node, context: DecodeContext) -> [Team] {
        guard let map = context.mapping(node, what: "teams", allowed: [], for: "teams") else { return [] }
        var teams: [Team] = []
        for entry in map.entries {
            let id = context.slug(Located(entry.key, at: context.location(of: entry.keyNode)), what: "team id")!
            guard
                let team = context.mapping(
                    entry.value, what: "team '\(DiagnosticText.cut(entry.key))'", allowed: teamKeys,
                    required: ["accounts", "managers"],
                    for: entry.key)
            else { continue }
            for key in ["accounts", "managers"] {
                if let node = team.value(key), case let .sequence(items) = node, items.isEmpty {
                    context.collector.error(
                        .keyMissing, "team '\(DiagnosticText.cut(entry.key))' has an empty '\(DiagnosticText.cut(key))' list",
                        at: context.location(of: node),
                        notes: [
                            key == "accounts"
                                ? "a team with no accounts approves nothing: list its accounts or patterns, e.g. [\"lum-fr-*\"]"
                                : "a team with no managers leaves its accounts' variants with nobody to approve them"
                        ])
                }
            }
            let managers = team.strings("managers") ?? []
            for manager in managers {
                guard let problem = EmailAddress.problem(in: manager.value) else { continue }
                context.collector.error(
                    .managerInvalid, "manager '\(DiagnosticText.cut(manager.value))' is not an e-mail address",
                    at: manager.location,
                    notes: [problem, "managers sign in with their e-mail address, e.g. claire@lumiere.example"])
            }
            teams.append(Team(id: id, accountPatterns: team.strings("accounts") ?? [], managers: managers))
        }
        return teams
    }
}
