/// Expands campaigns into variants: campaign × post × target account, with text resolved per locale,
/// templates filled, per-network overrides applied, links tagged with UTM and hashtags rendered.
public struct VariantExpander: Sendable {
    /// The workspace to expand.
    public let workspace: Workspace
    /// Resolves string keys through fallback chains.
    public let resolver: LocaleResolver

    /// Creates an expander for `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
        self.resolver = LocaleResolver(
            locales: workspace.locales, defaultLocale: workspace.settings.defaultLocale.value)
    }

    /// The accounts a post goes to: the campaign's targets, narrowed by the post's, on a known network.
    public func targetAccounts(of campaign: Campaign, post: Post?) -> [Account] {
        workspace.accounts.filter { account in
            account.network != nil && campaign.targets.selects(account)
                && (post?.targets?.selects(account) ?? true)
        }
    }

    /// Every variant of `campaign`, plus the localisation problems met on the way.
    public func expand(_ campaign: Campaign) -> (variants: [PostVariant], diagnostics: [Diagnostic]) {
        var state = ExpansionState()
        var variants: [PostVariant] = []
        let campaignAccounts = targetAccounts(of: campaign, post: nil)
        for post in campaign.posts {
            for account in campaignAccounts where post.targets?.selects(account) ?? true {
                guard let network = account.network else { continue }
                let override = post.override(for: network)
                if override?.skip == true { continue }
                if let variant = makeVariant(campaign, post, account, network, override, &state) {
                    variants.append(variant)
                }
            }
        }
        return (variants, state.diagnostics)
    }

    private func makeVariant(
        _ campaign: Campaign, _ post: Post, _ account: Account, _ network: Network, _ override: PostNetworkOverride?,
        _ state: inout ExpansionState
    ) -> PostVariant? {
        let textKey = override?.text ?? post.text
        guard let text = state.resolve(textKey, for: account, resolver: resolver) else { return nil }
        let rules = NetworkRules.forNetwork(network)
        var titleOrigin: TextOrigin? = nil
        var titleText: String? = nil
        if rules.maxTitleLength != nil, let titleKey = override?.title ?? post.title,
            let title = state.resolve(titleKey, for: account, resolver: resolver)
        {
            titleOrigin = title
            titleText = resolver.resolve(titleKey.value, for: account.locale.value)?.string.text
        }
        let placement = override?.linkPlacement?.value ?? post.linkPlacement?.value ?? .inline
        var values = templateValues(campaign: campaign, post: post, account: account, network: network)
        var link: String? = nil
        if let template = (override?.link ?? post.link ?? campaign.link)?.value, template != "none" {
            var rendered = TemplateRenderer.render(template, values: values).text
            if campaign.utm {
                rendered = LinkBuilder.addingUTM(to: rendered, network: network, campaign: campaign.id.value, account: account.id.value)
            }
            link = rendered
        }
        values["link"] = placement == .inline ? link : ""
        let template = resolver.resolve(textKey.value, for: account.locale.value)!.string.text
        let rendered = TemplateRenderer.render(template, values: values)
        for problem in rendered.missing {
            guard case let .missingValue(name) = problem.kind else { continue }
            if name == "link", link != nil { continue }  // Placed outside the text on purpose.
            let string = resolver.resolve(textKey.value, for: account.locale.value)!.string
            state.diagnostics.append(Diagnostic(
                .error, .templateMissingValue,
                "\(network.rawValue)/\(account.id.value): {\(name)} has no value for this account",
                at: string.location(atScalarOffset: problem.offset, length: problem.length),
                notes: [name == "link" ? "post '\(post.id.value)' has no link" : "add '\(name)' to account '\(account.id.value)' in accounts.yaml"],
                network: network, account: account.id.value))
        }
        let hashtags = uniqueHashtags(override?.hashtags.map { $0.map(\.value) } ?? (campaign.hashtags + post.hashtags).map(\.value))
        var body = rendered.text
        let tagLine = hashtags.map { "#" + $0 }.joined(separator: " ")
        if !tagLine.isEmpty { body += "\n\n" + tagLine }
        let usesLinkVariable = template.contains("{link}")
        if let link, placement == .inline, !usesLinkVariable { body += (tagLine.isEmpty ? "\n\n" : " ") + link }
        let id = VariantIdentity.id(campaign: campaign.id.value, post: post.id.value, account: account.id.value)
        let mediaSource = override?.media != nil ? override!.network.location : post.id.location
        return PostVariant(
            id: id, idempotencyKey: VariantIdentity.idempotencyKey(for: id), campaignID: campaign.id.value,
            postID: post.id.value, accountID: account.id.value, network: network, locale: account.locale.value,
            kind: post.kind?.value ?? campaign.kind.value, text: body,
            title: titleText.map { TemplateRenderer.render($0, values: values).text }, link: link,
            linkPlacement: placement, hashtags: hashtags, media: override?.media ?? post.media,
            date: campaign.window.start.value.adding(days: post.day?.value ?? 0), time: post.at?.value, live: post.live,
            holiday: post.holiday, textOrigin: text, titleOrigin: titleOrigin, postLocation: post.id.location,
            mediaLocation: mediaSource,
            hashtagsLocation: override?.hashtags?.first?.location ?? post.hashtags.first?.location
                ?? campaign.hashtags.first?.location ?? post.id.location,
            linkLocation: override?.linkPlacement?.location ?? post.linkPlacement?.location ?? override?.link?.location
                ?? post.link?.location ?? campaign.link?.location ?? post.id.location)
    }

    /// The template variables of one account in one post.
    public func templateValues(campaign: Campaign, post: Post, account: Account, network: Network) -> [String: String] {
        let parts = account.locale.value.split(separator: "-", maxSplits: 1).map(String.init)
        var values: [String: String] = [
            "brand": workspace.settings.brand ?? workspace.settings.name.value, "handle": account.handle,
            "locale": account.locale.value, "language": parts.first ?? account.locale.value,
            "account": account.id.value, "network": network.displayName, "campaign": campaign.id.value,
            "post": post.id.value,
        ]
        if parts.count > 1 { values["region"] = parts[1] }
        if let city = account.city { values["city"] = city }
        if let country = account.country { values["country"] = country }
        return values
    }

    private func uniqueHashtags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }
}

/// Caches key resolution per locale and reports each localisation problem once.
struct ExpansionState {
    var diagnostics: [Diagnostic] = []
    private var reported = Set<String>()
    private var cache: [String: TextOrigin?] = [:]

    mutating func resolve(_ key: Located<String>, for account: Account, resolver: LocaleResolver) -> TextOrigin? {
        let locale = account.locale.value
        let cacheKey = "\(key.location)|\(key.value)|\(locale)"
        if let cached = cache[cacheKey] { return cached }
        var origin: TextOrigin? = nil
        if let (string, foundIn) = resolver.resolve(key.value, for: locale) {
            origin = TextOrigin(key: key.value, locale: foundIn, location: string.location, referenceLocation: key.location)
            if foundIn != locale {
                diagnostics.append(Diagnostic(
                    .note, .stringFallback, "string '\(key.value)' for locale '\(locale)' uses the text of '\(foundIn)'",
                    at: key.location, notes: ["add '\(key.value)' to locales/\(locale).yaml to localise it"]))
            }
        } else if !resolver.isDefinedAnywhere(key.value) {
            if reported.insert("\(key.location)|\(key.value)").inserted {
                diagnostics.append(Diagnostic(
                    .error, .stringMissing, "unknown string key '\(key.value)': no locale defines it", at: key.location,
                    notes: Suggestion.notes(for: key.value, in: resolver.allKeys)))
            }
        } else {
            let chain = resolver.chain(for: locale).joined(separator: " → ")
            diagnostics.append(Diagnostic(
                .error, .stringMissing, "string '\(key.value)' has no text for locale '\(locale)'", at: key.location,
                notes: ["looked in \(chain)", "add it to locales/\(locale).yaml or to a locale of its fallback chain"]))
        }
        cache[cacheKey] = origin
        return origin
    }
}
