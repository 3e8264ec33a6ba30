/// A post as Mastodon's web interface shows it: name, @handle@server, links without scheme cut at 30
/// characters, images in a 16:9 grid, the link card, and the link posted as a reply.
enum MastodonPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-mastodon" aria-label="As Mastodon shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.name)</strong><br><span class="pv-handle">\(parts.account.atHandle)</span></p></div>
        \(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Reply · Boost · Favourite</p></article>\(parts.followUp)
        """
    }
}
