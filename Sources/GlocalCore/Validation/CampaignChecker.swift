/// Checks one campaign's own logic: targets, post ids, days, sequencing, overrides, hashtags and media files.
struct CampaignChecker {
    let workspace: Workspace
    let expander: VariantExpander
    let media: any MediaInspector
    /// False when accounts.yaml could not be read: target checks would only report noise.
    let checkTargets: Bool
    var diagnostics: [Diagnostic] = []

    init(workspace: Workspace, expander: VariantExpander, media: any MediaInspector, checkTargets: Bool = true) {
        self.workspace = workspace
        self.expander = expander
        self.media = media
        self.checkTargets = checkTargets
    }

    private mutating func add(
        _ severity: Severity, _ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, notes: [String] = []
    ) {
        diagnostics.append(Diagnostic(severity, rule, message, at: location, notes: notes))
    }

    mutating func check(_ campaign: Campaign) {
        if checkTargets {
            checkTargets(campaign.targets, campaign: campaign, what: "campaign '\(DiagnosticText.cut(campaign.id.value))'")
        }
        var postIDs: [String: SourceLocation] = [:]
        for post in campaign.posts {
            if let first = postIDs[post.id.value] {
                add(
                    .error, .idDuplicate, "post id '\(DiagnosticText.cut(post.id.value))' is already used in this campaign",
                    at: post.id.location,
                    notes: ["first used at line \(first.line)"])
            } else {
                postIDs[post.id.value] = post.id.location
            }
        }
        for post in campaign.posts { check(post, in: campaign) }
        checkSequencingCycles(campaign)
        for tag in campaign.hashtags { checkHashtag(tag) }
    }

    private mutating func check(_ post: Post, in campaign: Campaign) {
        if let targets = post.targets, checkTargets {
            checkTargets(targets, campaign: campaign, what: "post '\(DiagnosticText.cut(post.id.value))'", narrowing: true)
        }
        if let day = post.day, day.value >= campaign.window.dayCount, campaign.window.dayCount > 0 {
            add(
                .error, .windowInvalid,
                "day \(day.value) is after the campaign's window (\(campaign.window.start.value) to \(campaign.window.end.value))",
                at: day.location, notes: ["the last day is day \(campaign.window.dayCount - 1)"])
        }
        if let after = post.after { checkSequencing(after, of: post, in: campaign) }
        for tag in post.hashtags { checkHashtag(tag) }
        checkMedia(post.media)
        let targeted = Set(expander.targetAccounts(of: campaign, post: post).compactMap(\.network))
        for override in post.overrides {
            // With no target at all, targets.empty already says what is wrong.
            if checkTargets, !targeted.isEmpty, !targeted.contains(override.network.value) {
                add(
                    .warning, .overrideUnused,
                    "override for \(override.network.value.rawValue) is unused: post '\(DiagnosticText.cut(post.id.value))' targets no \(override.network.value.displayName) account",
                    at: override.network.location,
                    notes: ["targeted networks: \(targeted.sorted().map(\.rawValue).joined(separator: ", "))"])
            }
            for tag in override.hashtags ?? [] { checkHashtag(tag) }
            checkMedia(override.media ?? [])
            if let thumbnail = override.youtube?.thumbnail { checkYouTubeThumbnail(thumbnail) }
        }
    }

    /// `"what: a, b, c"`, sorted, at most 20 named (a workspace may have hundreds of tags), or `"what: none"`.
    static func listed(_ what: String, _ names: some Collection<String>) -> String {
        let sorted = names.sorted()
        guard !sorted.isEmpty else { return "\(what): none" }
        let shown = sorted.prefix(20).map { DiagnosticText.cut($0) }.joined(separator: ", ")
        return "\(what): \(shown)" + (sorted.count > 20 ? " and \(sorted.count - 20) more" : "")
    }

    private mutating func checkTargets(_ targets: CampaignTargets, campaign: Campaign, what: String, narrowing: Bool = false) {
        let accounts = workspace.accounts
        let tags = Set(accounts.flatMap { $0.tags.map(\.value) })
        for tag in targets.tags where !tags.contains(tag.value) {
            add(
                .error, .tagUnknown, "no account has the tag '\(DiagnosticText.cut(tag.value))'", at: tag.location,
                notes: Suggestion.notes(for: tag.value, in: tags) + [Self.listed("tags accounts carry", tags)])
        }
        for network in targets.networks where Network(rawValue: network.value) == nil {
            add(
                .error, .networkUnknown, "unknown network '\(DiagnosticText.cut(network.value))'", at: network.location,
                notes: (Network.suggestion(for: network.value).map { ["did you mean '\($0.rawValue)'?"] } ?? [])
                    + ["supported networks: \(Network.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        let ids = accounts.map(\.id.value)
        for pattern in targets.accounts + targets.exclude where !ids.contains(where: { GlobPattern.matches(pattern.value, $0) }) {
            let kind =
                GlobPattern.isPattern(pattern.value)
                ? "pattern '\(DiagnosticText.cut(pattern.value))' matches no account"
                : "unknown account '\(DiagnosticText.cut(pattern.value))'"
            add(.error, .accountUnknown, kind, at: pattern.location, notes: Suggestion.notes(for: pattern.value, in: ids))
        }
        for locale in targets.locales where workspace.locales[locale.value] == nil {
            add(
                .error, .localeUnknown, "unknown locale '\(DiagnosticText.cut(locale.value))'", at: locale.location,
                notes: Suggestion.notes(for: locale.value, in: workspace.locales.keys)
                    + [Self.listed("locales with a file under locales/", workspace.locales.keys)])
        }
        let selected = accounts.contains { targets.selects($0) && (narrowing ? campaign.targets.selects($0) : true) }
        if !selected, !accounts.isEmpty {
            add(
                .error, .targetsEmpty, "\(what) targets no account", at: targets.location ?? campaign.id.location,
                notes: ["each list in targets must match (tags AND networks AND accounts AND locales), minus exclude"])
        }
    }

    private mutating func checkSequencing(_ after: PostSequencing, of post: Post, in campaign: Campaign) {
        guard let previous = campaign.posts.first(where: { $0.id.value == after.post.value }) else {
            add(
                .error, .postUnknown,
                "post '\(DiagnosticText.cut(post.id.value))' comes after unknown post '\(DiagnosticText.cut(after.post.value))'",
                at: after.post.location,
                notes: Suggestion.notes(for: after.post.value, in: campaign.posts.map(\.id.value))
                    + ["posts of this campaign: \(campaign.posts.map(\.id.value).joined(separator: ", "))"])
            return
        }
        if previous.id.value == post.id.value {
            add(
                .error, .sequenceInvalid, "post '\(DiagnosticText.cut(post.id.value))' cannot come after itself",
                at: after.post.location)
            return
        }
        let postDay = post.day?.value ?? 0, previousDay = previous.day?.value ?? 0
        if postDay < previousDay {
            add(
                .error, .sequenceInvalid,
                "post '\(DiagnosticText.cut(post.id.value))' (day \(postDay)) must come after '\(DiagnosticText.cut(previous.id.value))' (day \(previousDay))",
                at: post.day?.location ?? after.post.location, notes: ["move it to day \(previousDay) or later"])
        } else if let gap = after.minGap, post.day != nil || post.at != nil {
            // The widest possible gap: the earlier post at its earliest allowed minute, the later at its latest.
            let quiet = workspace.settings.policy.quietHours
            let earliest = previous.at?.value.minutes ?? (quiet.map { $0.start > $0.end ? $0.end.minutes : 0 } ?? 0)
            let latest = post.at?.value.minutes ?? (quiet.map { $0.start > $0.end ? $0.start.minutes : 1440 } ?? 1440)
            let widest = (postDay - previousDay) * 86_400 + (latest - earliest) * 60
            if gap.value.seconds > widest {
                add(
                    .error, .sequenceInvalid,
                    "min_gap \(gap.value) cannot fit: '\(DiagnosticText.cut(previous.id.value))' and '\(DiagnosticText.cut(post.id.value))' are at most \(GlocalDuration(seconds: max(0, widest))) apart",
                    at: gap.location,
                    notes: [
                        "'\(DiagnosticText.cut(previous.id.value))' is on day \(previousDay)\(previous.at.map { " at \($0.value)" } ?? ""), '\(DiagnosticText.cut(post.id.value))' on day \(postDay)\(post.at.map { " at \($0.value)" } ?? "")"
                            + (quiet != nil && (previous.at == nil || post.at == nil) ? ", outside quiet hours" : ""),
                        "move '\(DiagnosticText.cut(post.id.value))' to a later day or shorten min_gap",
                    ])
            }
        }
    }

    private mutating func checkSequencingCycles(_ campaign: Campaign) {
        let edges = Dictionary(
            campaign.posts.compactMap { p in p.after.map { (p.id.value, $0.post.value) } }, uniquingKeysWith: { a, _ in a })
        var reported = Set<String>()
        for post in campaign.posts {
            var path = [post.id.value]
            var current = post.id.value
            while let next = edges[current], next != current {
                if let start = path.firstIndex(of: next) {
                    let cycle = Array(path[start...]) + [next]
                    if reported.insert(cycle.dropLast().sorted().joined(separator: ",")).inserted, let after = post.after {
                        add(
                            .error, .sequenceInvalid, "posts wait for each other: \(cycle.joined(separator: " → "))",
                            at: after.post.location)
                    }
                    break
                }
                path.append(next)
                current = next
            }
        }
    }

    private mutating func checkHashtag(_ tag: Located<String>) {
        var text = tag.value
        if text.hasPrefix("#") {
            add(
                .error, .hashtagInvalid, "hashtag '\(text)' is written with '#'", at: tag.location,
                notes: ["write hashtags without '#': glocal adds it as each network expects"])
            text.removeFirst()
        }
        // One rule with the counting of hashtags in texts: a listed tag is published as one hashtag.
        if let problem = EntityScanner.hashtagProblem(text) {
            var notes = ["a hashtag is letters, marks, digits and '_', with at least one letter or mark"]
            if case let .character(scalar) = problem,
                scalar.properties.generalCategory == .format || DiagnosticText.isSpaceLookalike(scalar)
            {
                notes.insert("an invisible character, often pasted from a word processor: retype the tag", at: 0)
            }
            if text.contains(" ") {
                notes.insert(
                    "did you mean '\(text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())'?",
                    at: 0)
            }
            add(
                .error, .hashtagInvalid, "'\(DiagnosticText.cut(tag.value))' is not a valid hashtag: \(problem.reason)",
                at: tag.location,
                notes: notes)
        }
    }

    private mutating func checkMedia(_ items: [MediaReference]) {
        for item in items {
            guard let info = media.inspect(item.path.value) else {
                reportMissing(item)
                continue
            }
            if let problem = info.problem {
                add(.error, problem.rule, problem.message(for: item.path.value), at: item.path.location, notes: problem.notes)
            }
        }
    }

    /// A YouTube thumbnail is checked like any medium, then against `thumbnails.set`'s JPEG/PNG and 2 MB.
    private mutating func checkYouTubeThumbnail(_ item: MediaReference) {
        guard item.type != nil else { return }  // Its extension was already reported.
        guard let info = media.inspect(item.path.value) else { return reportMissing(item) }
        if let problem = info.problem {
            return add(.error, problem.rule, problem.message(for: item.path.value), at: item.path.location, notes: problem.notes)
        }
        guard let problem = YouTubeVideoOptions.thumbnailProblem(info) else { return }
        add(
            .error, problem.rule, "YouTube thumbnail '\(MediaPath.shown(item.path.value))' \(problem.message)",
            at: item.path.location, notes: ["thumbnails.set takes a JPEG or PNG image of at most 2 MB"])
    }

    private mutating func reportMissing(_ item: MediaReference) {
        let suggestion = Suggestion.notes(for: item.path.value, in: media.siblings(of: item.path.value))
        add(
            .error, .mediaMissing, "media file '\(MediaPath.shown(item.path.value))' does not exist in the workspace",
            at: item.path.location,
            notes: suggestion.isEmpty
                ? ["paths are relative to the workspace root, e.g. assets/hydra/teaser-4x5.jpg"] : suggestion)
    }
}
