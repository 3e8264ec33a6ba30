/// A post as Threads shows it: the handle in bold, the text (only its first hashtag becomes a topic),
/// images in a sideways carousel cropped 4:5, the link card, and the link posted as a reply in the thread.
enum ThreadsPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-threads" aria-label="As Threads shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.handle)</strong> <span class="pv-handle">now</span></p></div>
        \(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Like · Reply · Repost · Share</p></article>\(parts.followUp)
        """
    }
}
