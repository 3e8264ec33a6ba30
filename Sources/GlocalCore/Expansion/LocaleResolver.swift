/// Resolves string keys through each locale's fallback chain: `fr-CA → fr → default`.
public struct LocaleResolver: Sendable {
    private let locales: [String: LocaleDefinition]
    private let chains: [String: [String]]
    /// The workspace's default locale, the end of every chain.
    public let defaultLocale: String

    /// Builds every locale's chain; a cycle stops the chain where it would repeat.
    public init(locales: [String: LocaleDefinition], defaultLocale: String) {
        self.locales = locales
        self.defaultLocale = defaultLocale
        var chains: [String: [String]] = [:]
        for id in locales.keys {
            var chain: [String] = []
            var current: String? = id
            while let locale = current, !chain.contains(locale), let definition = locales[locale] {
                chain.append(locale)
                current = definition.fallback?.value
            }
            if !chain.contains(defaultLocale), locales[defaultLocale] != nil { chain.append(defaultLocale) }
            chains[id] = chain
        }
        self.chains = chains
    }

    /// The locales searched for `locale`, in order.
    public func chain(for locale: String) -> [String] { chains[locale] ?? [locale] }

    /// The text of `key` for `locale` and the locale it was found in, or `nil` when no locale of the chain has it.
    public func resolve(_ key: String, for locale: String) -> (string: LocalizedString, foundIn: String)? {
        for candidate in chain(for: locale) {
            if let string = locales[candidate]?.strings[key] { return (string, candidate) }
        }
        return nil
    }

    /// Every string key defined in any locale, sorted.
    public var allKeys: [String] { Set(locales.values.flatMap { $0.strings.keys }).sorted() }

    /// Whether any locale defines `key`.
    public func isDefinedAnywhere(_ key: String) -> Bool { locales.values.contains { $0.strings[key] != nil } }
}
