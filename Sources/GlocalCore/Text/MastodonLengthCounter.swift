/// Mastodon's status length, as its server validates it (`StatusLengthValidator`).
///
/// Graphemes, except that every URL with a scheme (`https://…`) counts `urlWeight`
/// (`characters_reserved_per_url`, 23 by default) however long or short it is, and a remote
/// mention `@user@domain.tld` (as its server finds mentions, ``MentionSyntax/mastodon``) counts as `@user`.
/// A bare `example.com` is not discounted.
/// The content warning is not included.
public enum MastodonLengthCounter {
    /// How much one URL counts on a default Mastodon server.
    public static let defaultURLWeight = 23

    /// The length of `text` as Mastodon counts it, each URL counting `urlWeight`.
    public static func length(_ text: String, urlWeight: Int = defaultURLWeight) -> Int {
        let urls = URLScanner.urlRanges(in: text, requireScheme: true, mastodon: true)
        let remoteMentions = EntityScanner.mentionMatches(in: text, excluding: urls, syntax: .mastodon).filter(\.isRemote)
        if urls.isEmpty && remoteMentions.isEmpty { return text.count }
        var total = 0
        var cursor = text.startIndex
        var u = 0
        var m = 0
        while u < urls.count || m < remoteMentions.count {
            let takeURL =
                m == remoteMentions.count
                || (u < urls.count && urls[u].lowerBound < remoteMentions[m].range.lowerBound)
            if takeURL {
                total += text[cursor..<urls[u].lowerBound].count + urlWeight
                cursor = urls[u].upperBound
                u += 1
            } else {
                let mention = remoteMentions[m]
                total += text[cursor..<mention.range.lowerBound].count
                total += text[mention.range.lowerBound..<mention.localEnd].count
                cursor = mention.range.upperBound
                m += 1
            }
        }
        return total + text[cursor...].count
    }
}
