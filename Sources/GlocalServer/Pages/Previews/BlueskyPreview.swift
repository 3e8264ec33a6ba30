/// A post as Bluesky's feed shows it: name, @handle, links cut to host and 13 characters of path, images
/// in a grid, the link card (external embed) when there is no image, and the link posted as a reply.
enum BlueskyPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-bluesky" aria-label="As Bluesky shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.name)</strong> <span class="pv-handle">\(parts.account.atHandle) · now</span></p></div>
        \(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Reply · Repost · Like</p></article>\(parts.followUp)
        """
    }
}
