/// A post as X's timeline shows it: name, @handle, links written t.co-style without their scheme, images
/// in X's 16:9 crop or grid, the link card when there is no image, and the link posted as a reply.
enum XPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-x" aria-label="As X shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.name)</strong> <span class="pv-handle">\(parts.account.atHandle) · now</span></p></div>
        \(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Reply · Repost · Like</p></article>\(parts.followUp)
        """
    }
}
