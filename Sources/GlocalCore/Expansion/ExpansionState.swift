/// What one campaign's expansion remembers: resolved and parsed texts per locale, and the
/// localisation problems, each reported once per place and locale.
struct ExpansionState {
    /// A class, so that handing it to each of thousands of variants costs one retain, not one per field.
    final class Resolved {
        let origin: TextOrigin
        let string: LocalizedString
        let template: Template

        init(origin: TextOrigin, string: LocalizedString, template: Template) {
            self.origin = origin
            self.string = string
            self.template = template
        }
    }

    let resolver: LocaleResolver
    var diagnostics: [Diagnostic] = []
    /// Resolved texts per key reference (the campaign's `text:` value) and locale. The last reference
    /// is kept aside: consecutive variants of a post share it, which saves hashing its location.
    private var cache: [SourceLocation: [String: Resolved?]] = [:]
    private var lastReference: SourceLocation? = nil
    private var lastByLocale: [String: Resolved?] = [:]
    private var templates: [String: Template] = [:]
    /// UTM-tagged links of one link template, network and locale, split around the account id.
    var links: [String: (head: String, tail: String)] = [:]
    /// The source positions of the current post, per network.
    private var sources: [Network: VariantSource] = [:]
    private var sourcesPost: SourceLocation? = nil

    /// The positions behind `post`'s variants on `network`, made once per post and network.
    mutating func source(for post: Post, campaign: Campaign, network: Network, override: PostNetworkOverride?) -> VariantSource {
        if sourcesPost != post.id.location {
            sources.removeAll(keepingCapacity: true)
            sourcesPost = post.id.location
        }
        if let known = sources[network] { return known }
        var seenTags = Set<String>()
        let tags = (override?.hashtags ?? campaign.hashtags + post.hashtags).filter {
            seenTags.insert($0.value.lowercased()).inserted
        }
        let source = VariantSource(
            postLocation: post.id.location,
            mediaLocation: override?.media != nil ? override!.network.location : post.id.location,
            hashtagsLocation: override?.hashtags?.first?.location ?? post.hashtags.first?.location
                ?? campaign.hashtags.first?.location ?? post.id.location,
            linkLocation: override?.linkPlacement?.location ?? post.linkPlacement?.location ?? override?.link?.location
                ?? post.link?.location ?? campaign.link?.location ?? post.id.location,
            linkValueLocation: override?.link?.location ?? post.link?.location ?? campaign.link?.location,
            hashtagLocations: tags.map(\.location))
        sources[network] = source
        return source
    }
    private var reportedUnknown = Set<SourceLocation>()
    /// Locales that used a fallback, per key reference, in order of first use.
    private var fallbacks: [SourceLocation: (key: String, uses: [(locale: String, from: String)])] = [:]
    private var fallbackOrder: [SourceLocation] = []

    init(resolver: LocaleResolver) { self.resolver = resolver }

    /// A parsed template for a link or other text, parsed once.
    mutating func template(for text: String) -> Template {
        // Consecutive variants mostly use the same link: compare before hashing.
        if let last = lastTemplate, last.text == text { return last.template }
        let template = templates[text] ?? Template(text)
        templates[text] = template
        lastTemplate = (text, template)
        return template
    }

    private var lastTemplate: (text: String, template: Template)? = nil

    /// The text of `key` for `locale`, or `nil` (reported) when there is none.
    mutating func resolve(_ key: Located<String>, locale: String) -> Resolved? {
        if lastReference != key.location {
            if let previous = lastReference { cache[previous] = lastByLocale }
            lastReference = key.location
            lastByLocale = cache[key.location] ?? [:]
        }
        if let cached = lastByLocale[locale] { return cached }
        var resolved: Resolved? = nil
        if let (string, foundIn) = resolver.resolve(key.value, for: locale) {
            resolved = Resolved(
                origin: TextOrigin(
                    key: key.value, locale: foundIn, location: string.location, referenceLocation: key.location, string: string),
                string: string, template: template(for: string.text))
            if foundIn != locale {
                if fallbacks[key.location] == nil {
                    fallbacks[key.location] = (key.value, [])
                    fallbackOrder.append(key.location)
                }
                fallbacks[key.location]!.uses.append((locale, foundIn))
            }
        } else if !resolver.isDefinedAnywhere(key.value) {
            if reportedUnknown.insert(key.location).inserted {
                diagnostics.append(
                    Diagnostic(
                        .error, .stringMissing, "unknown string key '\(DiagnosticText.cut(key.value))': no locale defines it",
                        at: key.location,
                        notes: Suggestion.notes(for: key.value, in: resolver.allKeys) + Self.textInsteadOfKeyNotes(key.value)))
            }
        } else {
            let chain = resolver.chain(for: locale).joined(separator: " → ")
            diagnostics.append(
                Diagnostic(
                    .error, .stringMissing, "string '\(key.value)' has no text for locale '\(locale)'", at: key.location,
                    notes: ["looked in \(chain)", "add it to locales/\(locale).yaml or to a locale of its fallback chain"]))
        }
        lastByLocale[locale] = .some(resolved)
        return resolved
    }

    /// The diagnostics, with one note per key reference listing the locales that used a fallback.
    func finish() -> [Diagnostic] {
        var all = diagnostics
        for location in fallbackOrder {
            let entry = fallbacks[location]!
            let uses = entry.uses.sorted { $0.locale < $1.locale }
            let list = uses.map { "\($0.locale) ← \($0.from)" }.joined(separator: ", ")
            all.append(
                Diagnostic(
                    .note, .stringFallback,
                    "string '\(entry.key)' falls back for \(uses.count) locale\(uses.count == 1 ? "" : "s"): \(list)",
                    at: location, notes: ["add '\(entry.key)' to those locale files to localise it"]))
        }
        return all
    }

    /// A brand team writing the text itself where a string key belongs (`text: Hello world!`): say where texts go.
    static func textInsteadOfKeyNotes(_ key: String) -> [String] {
        guard key.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return [] }
        return [
            "'text' and 'title' take a string key (such as hydra.teaser), not the text itself: write the text under 'strings:' in locales/*.yaml and name its key here"
        ]
    }
}
