import Foundation

/// Runs every check on a workspace and gathers one report: references, campaign logic, localisation,
/// each variant against its network's rules, X's distinct-text rule and the 80/20 policy.
///
/// Checks that depend on a file that could not be read are skipped rather than guessed at, so one
/// mistake gives one diagnostic, not a cascade.
public struct WorkspaceValidator: Sendable {
    private let media: any MediaInspector

    /// Creates a validator that looks at media files through `media`.
    public init(media: any MediaInspector) { self.media = media }

    /// Validates `workspace`, adding the problems already found while reading its files.
    ///
    /// - Parameters:
    ///   - readingDiagnostics: problems found while parsing; files with errors among them are treated as unreliable.
    ///   - unreadableFiles: files that are missing or could not be decoded at all (besides those with reading errors).
    ///   - campaignFiles: when given, only the campaigns in those files are checked (the others still count
    ///     for the 80/20 rule), and reading problems of other campaign files are left out.
    ///   - now: the instant API versions are checked at (`--now`); `nil` checks only posts against sunsets.
    public func validate(
        _ workspace: Workspace?, readingDiagnostics: [Diagnostic] = [], fileCount: Int,
        unreadableFiles: Set<String> = [], campaignFiles: Set<String>? = nil, now: Date? = nil
    ) -> ValidationReport {
        var diagnostics = readingDiagnostics
        var statistics = WorkspaceStatistics()
        statistics.files = fileCount
        guard var workspace else {
            return ValidationReport(diagnostics: filter(diagnostics, campaignFiles), statistics: statistics)
        }
        let broken = unreadableFiles.union(readingDiagnostics.filter { $0.severity == .error }.compactMap { $0.location?.file })
        let accountsReliable = !broken.contains("accounts.yaml")
        // "locales" or "campaigns" alone: the folder itself could not be read (its error says why).
        let localesReliable = !broken.contains { $0 == "locales" || $0.hasPrefix("locales/") }
        let campaignsReliable =
            !broken.contains { $0 == "campaigns" || $0.hasPrefix("campaigns/") } && !broken.contains("glocal.yaml")
        // A locale file that exists but is broken is not "unknown": its id comes from the file name.
        for file in broken where file.hasPrefix("locales/") {
            let id = String(file.dropFirst("locales/".count).prefix { $0 != "." })
            if workspace.locales[id] == nil {
                workspace.locales[id] = LocaleDefinition(
                    id: Located(id, at: SourceLocation(file: file, line: 1, column: 1)), file: file)
            }
        }
        let media = MediaCatalog(workspace: workspace, inspector: self.media)
        var references = ReferenceChecker(workspace: workspace, media: media)
        references.localesListed = !broken.contains("locales")
        references.checkWorkspace(checkTeams: accountsReliable)
        diagnostics += references.diagnostics
        TemplateChecker().check(workspace, into: &diagnostics)

        let expandable = expandableCampaigns(workspace)
        let results = campaignResults(
            workspace, expandable: expandable, campaignFiles: campaignFiles, media: media,
            checkTargets: accountsReliable, expandVariants: accountsReliable && localesReliable)
        var planned: [PlannedPost] = []
        var checkedCampaigns = Set<String>()
        for result in results {
            planned += result.planned
            diagnostics += result.diagnostics
            diagnostics += Self.grouped(result.variantDiagnostics)
            if result.checked {
                checkedCampaigns.insert(result.campaignID)
                statistics.variants += result.variantCount
            }
        }
        // The 80/20 rule needs the whole plan: with a campaign missing or doubled it would report noise.
        let uniqueCampaignIDs = Set(workspace.campaigns.map(\.id.value)).count == workspace.campaigns.count
        if campaignsReliable && accountsReliable && localesReliable && uniqueCampaignIDs {
            let kindLocations = Dictionary(
                workspace.campaigns.map { ($0.id.value, $0.kind.location) }, uniquingKeysWith: { a, _ in a })
            var shareDiagnostics: [Diagnostic] = []
            let postKindLocations = Dictionary(
                workspace.campaigns.flatMap { campaign in
                    campaign.posts.compactMap { post in post.kind.map { ("\(campaign.id.value)/\(post.id.value)", $0.location) } }
                }, uniquingKeysWith: { a, _ in a })
            PromotionalShareChecker(
                policy: workspace.settings.policy.promotionalShare, campaignKindLocations: kindLocations,
                postKindLocations: postKindLocations
            ).check(planned, into: &shareDiagnostics)
            diagnostics += Self.grouped(shareDiagnostics)
        }
        if campaignFiles == nil, campaignsReliable { diagnostics += unusedStrings(workspace) }
        if accountsReliable { TikTokAuditChecker(workspace: workspace).check(planned, into: &diagnostics) }
        if accountsReliable {
            APIVersionChecker(pins: workspace.settings.apiVersions, settingsLocation: workspace.settings.location)
                .check(planned, networksInUse: Set(workspace.accounts.compactMap(\.network)), now: now, into: &diagnostics)
        }

        statistics.accounts = workspace.accounts.count
        statistics.locales = workspace.locales.count
        statistics.campaigns = campaignFiles == nil ? workspace.campaigns.count : checkedCampaigns.count
        statistics.posts = workspace.campaigns.filter { campaignFiles?.contains($0.file) ?? true }.reduce(0) {
            $0 + $1.posts.count
        }
        statistics.networks = Set(workspace.accounts.compactMap(\.network)).count
        statistics.timeZones =
            Set(workspace.accounts.compactMap(workspace.declaredTimeZoneID(of:))).count
        statistics.teams = workspace.settings.teams.count
        return ValidationReport(diagnostics: filter(diagnostics, campaignFiles), statistics: statistics)
    }

    /// Campaigns whose variants can be computed: a valid window and a first use of their id.
    private func expandableCampaigns(_ workspace: Workspace) -> Set<String> {
        var seen = Set<String>()
        var files = Set<String>()
        for campaign in workspace.campaigns where campaign.window.end.value >= campaign.window.start.value {
            if seen.insert(campaign.id.value).inserted { files.insert(campaign.file) }
        }
        return files
    }

    private struct CampaignResult: Sendable {
        var campaignID: String
        var planned: [PlannedPost] = []
        /// Every variant expanded, those of days after the window (left out of `planned`) too.
        var variantCount = 0
        var diagnostics: [Diagnostic] = []
        var variantDiagnostics: [Diagnostic] = []
        var checked = false
    }

    /// Expands and checks every campaign, in parallel; each campaign's work is independent.
    private func campaignResults(
        _ workspace: Workspace, expandable: Set<String>, campaignFiles: Set<String>?, media: MediaCatalog,
        checkTargets: Bool, expandVariants: Bool
    ) -> [CampaignResult] {
        let expander = VariantExpander(workspace: workspace)
        // Only accounts with their own character limit need a look-up per variant.
        let accountsByID = Dictionary(
            workspace.accounts.filter { $0.maxCharacters != nil }.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleChecker = VariantRuleChecker(accountsByID: accountsByID, media: media)
        return workspace.campaigns.concurrentMap { campaign in
            var result = CampaignResult(campaignID: campaign.id.value)
            let selected = campaignFiles?.contains(campaign.file) ?? true
            if selected {
                var checker = CampaignChecker(workspace: workspace, expander: expander, media: media, checkTargets: checkTargets)
                checker.check(campaign)
                result.diagnostics = checker.diagnostics
            }
            guard expandVariants, expandable.contains(campaign.file) else { return result }
            var distinctTextEntries: [DistinctTextChecker.Entry] = []
            let expansionDiagnostics = expander.forEachVariant(of: campaign) { variant in
                result.variantCount += 1
                // A day after the window is `window.invalid` and then ignored: no 80/20 or sunset check counts it.
                if campaign.window.dayCount <= 0 || variant.date <= campaign.window.end.value {
                    result.planned.append(PlannedPost(variant))
                }
                guard selected else { return }
                ruleChecker.check(variant, into: &result.variantDiagnostics)
                if NetworkRules.forNetwork(variant.network).requiresDistinctTextAcrossAccounts {
                    distinctTextEntries.append(DistinctTextChecker.Entry(variant))
                }
            }
            guard selected else { return result }
            result.checked = true
            // A variant's problem (an unfilled {city}) merges with the same one of the post's other accounts.
            result.diagnostics += expansionDiagnostics.filter { $0.account == nil }
            result.variantDiagnostics += expansionDiagnostics.filter { $0.account != nil }
            // X's distinct-text rule compares the accounts of one post, so it stays within the campaign.
            DistinctTextChecker().check(distinctTextEntries, into: &result.variantDiagnostics)
            return result
        }
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
            let message =
                diagnostic.account.map { account in
                    diagnostic.message.replacingPrefix("\(diagnostic.network?.rawValue ?? "")/\(account): ")
                } ?? diagnostic.message
            let key =
                "\(diagnostic.rule)|\(diagnostic.location?.description ?? "")|\(diagnostic.severity)|\(message)|\(diagnostic.notes.joined(separator: "|"))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(diagnostic)
        }
        return order.map { key in
            let group = groups[key]!
            guard group.count > 1, var merged = group.first, let account = merged.account else { return group[0] }
            let accounts = group.compactMap(\.account)
            let more = "\(accounts.count - 1) more account\(accounts.count == 2 ? "" : "s")"
            merged.message = merged.message.replacingFirst("/\(account): ", with: "/\(account) and \(more): ")
            if Set(group.compactMap(\.network)).count == 1 {
                merged.notes.append("accounts: " + accounts.joined(separator: ", "))
            } else {
                // Several networks: the message names the first; the note names each account's own.
                let named = group.compactMap { d in d.account.map { "\(d.network?.rawValue ?? "")/\($0)" } }
                merged.notes.append("accounts: " + named.joined(separator: ", "))
            }
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
            // In file order, so "the first 100" and "from 'k' on" read as the file does (u97 comes before u100).
            let unused = locale.strings.keys.filter { !used.contains($0) }.sorted {
                let a = locale.strings[$0]!.keyLocation, b = locale.strings[$1]!.keyLocation
                return (a.line, a.column, $0) < (b.line, b.column, $1)
            }
            for key in unused.prefix(Self.unusedStringsListed) {
                diagnostics.append(
                    Diagnostic(
                        .note, .stringUnused, "string '\(key)' is not used by any campaign", at: locale.strings[key]!.keyLocation)
                )
            }
            if unused.count > Self.unusedStringsListed {
                let first = unused[Self.unusedStringsListed]
                diagnostics.append(
                    Diagnostic(
                        .note, .stringUnused,
                        "and \(unused.count - Self.unusedStringsListed) more strings of this file not used by any campaign, "
                            + "not listed (from '\(first)' on)",
                        at: locale.strings[first]!.keyLocation))
            }
        }
        return diagnostics
    }
}

extension WorkspaceValidator {
    /// Unused strings listed one by one per locale file; the rest are counted in one note, so a file of a million
    /// keys gives a readable report (and not a million diagnostics).
    static let unusedStringsListed = 100
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
