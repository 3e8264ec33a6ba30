/// Expands campaigns into variants: campaign × post × target account, with text resolved per locale,
/// templates filled, per-network overrides applied, links tagged with UTM and hashtags rendered.
public struct VariantExpander: Sendable {
    /// The workspace to expand.
    public let workspace: Workspace
    /// Resolves string keys through fallback chains.
    public let resolver: LocaleResolver
    private let accountValues: [String: AccountTemplateValues]

    /// Creates an expander for `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
        self.resolver = LocaleResolver(locales: workspace.locales, defaultLocale: workspace.settings.defaultLocale.value)
        // No fallback: without `brand`, `{brand}` has no value and is reported, as a city is.
        let brand = workspace.settings.brand
        var values: [String: AccountTemplateValues] = [:]
        for account in workspace.accounts {
            if let network = account.network {
                values[account.id.value] = AccountTemplateValues(account: account, network: network, brand: brand)
            }
        }
        accountValues = values
    }

    /// The accounts a post goes to: the campaign's targets, narrowed by the post's.
    /// Accounts on an unknown network or in an unknown locale are left out (they are reported once elsewhere).
    public func targetAccounts(of campaign: Campaign, post: Post?) -> [Account] {
        workspace.accounts.filter { account in
            account.network != nil && workspace.locales[account.locale.value] != nil && campaign.targets.selects(account)
                && (post?.targets?.selects(account) ?? true)
        }
    }

    /// Every variant of `campaign`, plus the localisation problems met on the way.
    public func expand(_ campaign: Campaign) -> (variants: [PostVariant], diagnostics: [Diagnostic]) {
        var variants: [PostVariant] = []
        let diagnostics = forEachVariant(of: campaign) { variants.append($0) }
        return (variants, diagnostics)
    }

    /// Hands each variant of `campaign` to `body` as soon as it is made (nothing is kept), and returns
    /// the localisation problems met on the way. Validation of 200 000 variants streams through here.
    public func forEachVariant(of campaign: Campaign, _ body: (PostVariant) -> Void) -> [Diagnostic] {
        var state = ExpansionState(resolver: resolver)
        let campaignAccounts = targetAccounts(of: campaign, post: nil)
        let campaignValues = campaignAccounts.map { accountValues[$0.id.value]! }
        for post in campaign.posts {
            state.links.removeAll(keepingCapacity: true)
            // Hashtags depend on the network only, not on the account.
            var hashtagsByNetwork: [Network: (tags: [String], line: String)] = [:]
            for (index, account) in campaignAccounts.enumerated() where post.targets?.selects(account) ?? true {
                guard let network = account.network else { continue }
                let override = post.override(for: network)
                if override?.skip == true { continue }
                if hashtagsByNetwork[network] == nil {
                    let tags = Self.uniqueHashtags(
                        override?.hashtags.map { $0.map(\.value) } ?? (campaign.hashtags + post.hashtags).map(\.value))
                    hashtagsByNetwork[network] = (tags, tags.map { "#" + $0 }.joined(separator: " "))
                }
                if let variant = makeVariant(
                    campaign, post, account, campaignValues[index], network, override, hashtagsByNetwork[network]!, &state)
                {
                    body(variant)
                }
            }
        }
        return state.finish()
    }

    private func makeVariant(
        _ campaign: Campaign, _ post: Post, _ account: Account, _ values: AccountTemplateValues, _ network: Network,
        _ override: PostNetworkOverride?, _ hashtags: (tags: [String], line: String), _ state: inout ExpansionState
    ) -> PostVariant? {
        let textKey = override?.text ?? post.text
        guard let text = state.resolve(textKey, locale: account.locale.value) else { return nil }
        let campaignID = campaign.id.value, postID = post.id.value
        let rules = NetworkRules.forNetwork(network)
        var title: (origin: TextOrigin, text: String)? = nil
        func refuse(_ what: String, _ overflow: Template.Overflow, at location: SourceLocation, note: String? = nil)
            -> PostVariant?
        {
            state.diagnostics.append(
                Self.oversized(what, overflow, at: location, note: note, network: network, account: account.id.value))
            return nil
        }
        func reportMissing(_ problems: [TemplateRenderer.Problem], in place: String, at location: (Int, Int) -> SourceLocation) {
            for problem in problems {
                guard case let .missingValue(name) = problem.kind else { continue }
                state.diagnostics.append(
                    Self.missingValue(
                        name, in: place, at: location(problem.offset, problem.length), post: post, campaign: campaignID,
                        network: network, account: account.id.value))
            }
        }
        if rules.maxTitleLength != nil, let titleKey = override?.title ?? post.title,
            let resolved = state.resolve(titleKey, locale: account.locale.value)
        {
            // A title never holds the link (it goes in the description or the pin's own field): refused, and left out.
            var template = resolved.template
            for (offset, length) in template.occurrences(of: "link") {
                state.diagnostics.append(
                    Diagnostic(
                        .error, .templateUnknown, "\(network.rawValue)/\(account.id.value): {link} cannot be used in a title",
                        at: resolved.string.location(atScalarOffset: offset, length: length),
                        notes: [
                            rules.linkInOwnField
                                ? "the link goes in the pin's own link field" : "the link goes in the description",
                            "in the title of post '\(postID)' of campaign '\(campaignID)' (\(post.id.location))",
                        ],
                        network: network, account: account.id.value))
                template = template.removing("link")
            }
            let rendered = template.render { values.value($0, campaign: campaignID, post: postID, link: nil) }
            reportMissing(rendered.missing, in: "the title of") { resolved.string.location(atScalarOffset: $0, length: $1) }
            if let overflow = rendered.overflow { return refuse("title", overflow, at: resolved.origin.location) }
            title = (resolved.origin, rendered.text)
        }
        let placement = override?.linkPlacement?.value ?? post.linkPlacement?.value ?? .inline
        var link: String? = nil
        let linkTemplate = (override?.link ?? post.link ?? campaign.link).flatMap { $0.value == "none" ? nil : $0 }
        if let linkTemplate {
            let template = state.template(for: linkTemplate.value)
            let perLocale = !template.usesAny(of: AccountTemplateValues.accountSpecific)
            // The cache is emptied at each post, so network and locale identify the link template.
            let cacheKey = perLocale ? network.rawValue + "|" + account.locale.value : nil
            if let cacheKey, let cached = state.links[cacheKey] {
                link = cached.head + account.id.value + cached.tail
            } else {
                // A value goes into the link percent-encoded: `{city}` as `São Paulo` must not end the link at its space.
                let filled = template.render {
                    values.value($0, campaign: campaignID, post: postID, link: nil).map(PercentEncoding.component)
                }
                if let overflow = filled.overflow { return refuse("link", overflow, at: linkTemplate.location) }
                reportMissing(filled.missing, in: "the link of") { _, _ in linkTemplate.location }
                let rendered = filled.text
                if campaign.utm, let parts = LinkBuilder.utmParts(of: rendered, network: network, campaign: campaignID) {
                    // The account id is the only per-account part: remember what surrounds it.
                    if let cacheKey { state.links[cacheKey] = parts }
                    link = parts.head + account.id.value + parts.tail
                } else {
                    link = rendered
                }
            }
        }
        // The campaign id goes into the UTM parameters as well.
        if let link, let linkTemplate, link.utf8.count > NumberRanges.maximumFilledTextBytes {
            return refuse(
                "link", Template.Overflow(bytes: link.utf8.count, largest: nil), at: linkTemplate.location,
                note: campaign.utm
                    ? "its UTM parameters carry the campaign id, \(VariantRuleChecker.grouped(campaignID.utf8.count)) bytes" : nil
            )
        }
        if network == .pinterest, let problem = PinterestBoardCheck.problem(account: account, override: override) {
            state.diagnostics.append(problem)
        }
        let inlineLink = placement == .inline && !rules.linkInOwnField ? link : nil
        // A link published outside the text (a reply, a first comment, its own field, or not at all) leaves `{link}`
        // empty, with the spaces around it, so that nothing of the placeholder is published or counted.
        let textTemplate = link != nil && inlineLink == nil ? text.template.removing("link") : text.template
        let rendered = textTemplate.render { values.value($0, campaign: campaignID, post: postID, link: inlineLink) }
        reportMissing(rendered.missing, in: "") { text.string.location(atScalarOffset: $0, length: $1) }
        if let overflow = rendered.overflow { return refuse("text", overflow, at: text.origin.location) }
        var body = Self.trimmingTrailingWhitespace(rendered.text)
        let tagLine = hashtags.line
        if !tagLine.isEmpty { body += "\n\n" + tagLine }
        if let inlineLink, !text.template.uses("link") { body += (tagLine.isEmpty ? "\n\n" : " ") + inlineLink }
        if body.utf8.count > NumberRanges.maximumFilledTextBytes {
            return refuse("text", Template.Overflow(bytes: body.utf8.count, largest: nil), at: text.origin.location)
        }
        return PostVariant(
            campaignID: campaignID, postID: postID,
            accountID: account.id.value, network: network, locale: account.locale.value,
            kind: post.kind?.value ?? campaign.kind.value, text: body, title: title?.text, link: link,
            linkPlacement: placement, hashtags: hashtags.tags, media: override?.media ?? post.media,
            date: campaign.window.start.value.adding(days: post.day?.value ?? 0), time: post.at?.value, live: post.live,
            holiday: post.holiday, textOrigin: text.origin, titleOrigin: title?.origin,
            source: state.source(for: post, campaign: campaign, network: network, override: override))
    }

    /// `{name}` with no value for `account`, at `location` in the text, title (`place` "the title of") or link.
    /// No account id in the notes, so that the same gap for several accounts is merged into one report.
    static func missingValue(
        _ name: String, in place: String, at location: SourceLocation, post: Post, campaign: String, network: Network,
        account: String
    ) -> Diagnostic {
        let (source, fix): (String, String)
        switch name {
        case "link": (source, fix) = ("", "post '\(post.id.value)' has no link")
        case "brand":
            (source, fix) = (": glocal.yaml has no 'brand'", "add the brand's display name to glocal.yaml, e.g. brand: Lumière")
        default: (source, fix) = (" in accounts.yaml", "add '\(name)' to each account's entry in accounts.yaml")
        }
        return Diagnostic(
            .error, .templateMissingValue, "\(network.rawValue)/\(account): {\(name)} has no value" + source, at: location,
            notes: [
                fix,
                "in \(place.isEmpty ? "" : place + " ")post '\(post.id.value)' of campaign '\(campaign)' (\(post.id.location))",
            ],
            network: network, account: account)
    }

    /// A text, title or link past ``NumberRanges/maximumFilledTextBytes`` once filled in (`title.invalid` for a
    /// title, `text.too-long` otherwise), `note` first: the variant is not made, so nothing later spends time on it.
    static func oversized(
        _ what: String, _ overflow: Template.Overflow, at location: SourceLocation, note: String?, network: Network,
        account: String
    ) -> Diagnostic {
        var notes = [
            "glocal takes at most \(VariantRuleChecker.grouped(NumberRanges.maximumFilledTextBytes)) bytes, more than any network allows"
        ]
        if let name = overflow.largestVariable, overflow.largestVariableBytes > NumberRanges.maximumFilledTextBytes / 16 {
            notes.insert(
                "{\(name)} alone is \(VariantRuleChecker.grouped(overflow.largestVariableBytes)) bytes for this account", at: 0)
        }
        if let note { notes.insert(note, at: 0) }
        return Diagnostic(
            .error, what == "title" ? .titleInvalid : .textTooLong,
            "\(network.rawValue)/\(account): \(what) is \(VariantRuleChecker.grouped(overflow.bytes)) UTF-8 bytes once filled in",
            at: location, notes: notes, network: network, account: account)
    }

    static func uniqueHashtags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Block scalars (`|`) keep a final newline; it must not push hashtags further down.
    static func trimmingTrailingWhitespace(_ text: String) -> String {
        guard let last = text.unicodeScalars.last, last.properties.isWhitespace else { return text }
        var scalars = text.unicodeScalars
        while let end = scalars.last, end.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
