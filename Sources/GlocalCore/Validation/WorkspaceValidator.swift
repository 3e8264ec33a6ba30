import Foundation

/// Runs every check on a workspace and gathers one report: references, campaign logic, localisation,
/// each variant against its network's rules, X's distinct-text rule and the 80/20 policy.
public struct WorkspaceValidator: Sendable {
    private let media: any MediaInspector

    /// Creates a validator that looks at media files through `media`.
    public init(media: any MediaInspector) { self.media = media }

    /// Validates `workspace`, adding the problems already found while reading its files.
    ///
    /// With `campaignFiles`, only the campaigns in those files are checked (the others still count
    /// for the 80/20 rule), and reading problems of other campaign files are left out.
    public func validate(
        _ workspace: Workspace?, readingDiagnostics: [Diagnostic] = [], fileCount: Int,
        campaignFiles: Set<String>? = nil
    ) -> ValidationReport {
        var diagnostics = readingDiagnostics
        var statistics = WorkspaceStatistics()
        statistics.files = fileCount
        guard let workspace else { return ValidationReport(diagnostics: filter(diagnostics, campaignFiles), statistics: statistics) }
        let media = MediaCatalog(workspace: workspace, inspector: self.media)
        var references = ReferenceChecker(workspace: workspace, media: media)
        references.checkWorkspace()
        diagnostics += references.diagnostics
        TemplateChecker().check(workspace, into: &diagnostics)

        let expander = VariantExpander(workspace: workspace)
        var campaignChecker = CampaignChecker(workspace: workspace, expander: expander, media: media)
        let accountsByID = Dictionary(workspace.accounts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleChecker = VariantRuleChecker(accountsByID: accountsByID, media: media)
        var allVariants: [PostVariant] = []
        var checkedVariants: [PostVariant] = []
        var variantDiagnostics: [Diagnostic] = []
        for campaign in workspace.campaigns {
            let selected = campaignFiles?.contains(campaign.file) ?? true
            let (variants, expansionDiagnostics) = expander.expand(campaign)
            allVariants += variants
            guard selected else { continue }
            campaignChecker.check(campaign)
            diagnostics += expansionDiagnostics
            checkedVariants += variants
            for variant in variants { ruleChecker.check(variant, into: &variantDiagnostics) }
        }
        diagnostics += campaignChecker.diagnostics
        DistinctTextChecker().check(checkedVariants, into: &variantDiagnostics)
        let kindLocations = Dictionary(workspace.campaigns.map { ($0.id.value, $0.kind.location) }, uniquingKeysWith: { a, _ in a })
        var policyDiagnostics: [Diagnostic] = []
        PromotionalShareChecker(policy: workspace.settings.policy.promotionalShare, campaignKindLocations: kindLocations)
            .check(allVariants, into: &policyDiagnostics)
        diagnostics += policyDiagnostics  // Filtered below to the selected campaign files.
        let checkedCampaigns = Set(checkedVariants.map(\.campaignID))
        diagnostics += Self.grouped(variantDiagnostics)
        if campaignFiles == nil { diagnostics += unusedStrings(workspace) }

        statistics.accounts = workspace.accounts.count
        statistics.locales = workspace.locales.count
        statistics.campaigns = campaignFiles == nil ? workspace.campaigns.count : checkedCampaigns.count
        statistics.posts = workspace.campaigns.filter { campaignFiles?.contains($0.file) ?? true }.reduce(0) { $0 + $1.posts.count }
        statistics.variants = checkedVariants.count
        statistics.networks = Set(workspace.accounts.compactMap(\.network)).count
        statistics.timeZones = Set(workspace.accounts.compactMap { $0.timeZone?.value ?? workspace.locales[$0.locale.value]?.timeZone?.value }).count
        statistics.teams = workspace.settings.teams.count
        return ValidationReport(diagnostics: filter(diagnostics, campaignFiles), statistics: statistics)
    }

    /// Leaves out problems located in campaign files that were not selected.
    private func filter(_ diagnostics: [Diagnostic], _ campaignFiles: Set<String>?) -> [Diagnostic] {
        guard let campaignFiles else { return diagnostics }
        return diagnostics.filter { d in
            guard let file = d.location?.file, file.hasPrefix("campaigns/") else { return true }
            return campaignFiles.contains(file)
        }
    }

    /// Merges variant diagnostics that say the same thing at the same place for several accounts.
    static func grouped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var groups: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for diagnostic in diagnostics {
            let message = diagnostic.account.map { account in
                diagnostic.message.replacingPrefix("\(diagnostic.network?.rawValue ?? "")/\(account): ")
            } ?? diagnostic.message
            let key = "\(diagnostic.rule)|\(diagnostic.location?.description ?? "")|\(diagnostic.severity)|\(message)|\(diagnostic.notes.joined(separator: "|"))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(diagnostic)
        }
        return order.map { key in
            let group = groups[key]!
            guard group.count > 1, var merged = group.first, let account = merged.account else { return group[0] }
            let accounts = group.compactMap(\.account)
            merged.message = merged.message.replacingOccurrences(
                of: "/\(account): ", with: "/\(account) and \(accounts.count - 1) more account\(accounts.count == 2 ? "" : "s"): ",
                firstOnly: true)
            merged.notes.append("accounts: " + accounts.joined(separator: ", "))
            return merged
        }
    }

    private func unusedStrings(_ workspace: Workspace) -> [Diagnostic] {
        var used = Set<String>()
        for campaign in workspace.campaigns {
            for post in campaign.posts {
                used.insert(post.text.value)
                if let title = post.title { used.insert(title.value) }
                for override in post.overrides {
                    if let text = override.text { used.insert(text.value) }
                    if let title = override.title { used.insert(title.value) }
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        for id in workspace.locales.keys.sorted() {
            let locale = workspace.locales[id]!
            for key in locale.strings.keys.sorted() where !used.contains(key) {
                diagnostics.append(Diagnostic(
                    .note, .stringUnused, "string '\(key)' is not used by any campaign", at: locale.strings[key]!.keyLocation))
            }
        }
        return diagnostics
    }
}

/// Inspects each media file once, however many variants use it.
struct MediaCatalog: MediaInspector {
    private let facts: [String: MediaFileInfo]

    init(workspace: Workspace, inspector: any MediaInspector) {
        var paths = Set<String>()
        for campaign in workspace.campaigns {
            for post in campaign.posts {
                paths.formUnion(post.media.map(\.path.value))
                for override in post.overrides { paths.formUnion((override.media ?? []).map(\.path.value)) }
            }
        }
        var facts: [String: MediaFileInfo] = [:]
        for path in paths { facts[path] = inspector.inspect(path) }
        self.facts = facts
    }

    func inspect(_ path: String) -> MediaFileInfo? { facts[path] }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }

    func replacingOccurrences(of target: String, with replacement: String, firstOnly: Bool) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
