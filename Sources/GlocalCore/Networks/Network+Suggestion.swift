extension Network {
    /// Other names people use for networks, such as "twitter" for X.
    static let aliases: [String: Network] = [
        "twitter": .x, "tweet": .x, "fb": .facebook, "meta": .facebook, "ig": .instagram, "insta": .instagram,
        "linked-in": .linkedin, "li": .linkedin, "yt": .youtube, "tik-tok": .tiktok, "bsky": .bluesky,
        "toot": .mastodon, "fediverse": .mastodon, "pin": .pinterest, "gbp": .googleBusiness,
        "google-business": .googleBusiness, "google_my_business": .googleBusiness, "gmb": .googleBusiness,
    ]

    /// The network a misspelled or colloquial name probably means ("twiter" → x, "mastadon" → mastodon).
    public static func suggestion(for name: String) -> Network? {
        let lowered = name.lowercased()
        if let alias = aliases[lowered] { return alias }
        if let close = Suggestion.closest(to: lowered, in: allCases.map(\.rawValue)) { return Network(rawValue: close) }
        if let alias = Suggestion.closest(to: lowered, in: aliases.keys.filter { $0.count >= 5 }) { return aliases[alias] }
        return nil
    }
}
