/// A post as Instagram's feed shows it: the handle above a square image (a carousel with dots when there
/// are several), then the caption after the handle, folded after two lines or 125 characters with "more";
/// links in captions are plain text; the link may go in the first comment.
enum InstagramPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-instagram" aria-label="As Instagram shows it"><div class="pv-head">\(parts.avatar)<p class="pv-who">
        <strong>\(parts.account.handle)</strong></p></div>
        \(parts.media)<p class="pv-actions" aria-hidden="true">Like · Comment · Share</p>
        <div class="pv-caption"><strong>\(parts.account.handle)</strong> \(parts.text)</div></article>\(parts.followUp)
        """
    }
}
