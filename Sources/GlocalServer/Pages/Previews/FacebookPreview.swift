/// A post as a Facebook Page's feed shows it: the page's name, the text folded with "See more", images
/// in Facebook's square grid, the link card, and the link in the first comment.
enum FacebookPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-facebook" aria-label="As Facebook shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.name)</strong><br><span class="pv-handle">Just now · Public</span></p></div>
        \(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Like · Comment · Share</p></article>\(parts.followUp)
        """
    }
}
