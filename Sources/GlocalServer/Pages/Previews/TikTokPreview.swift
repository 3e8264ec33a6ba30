/// A video as TikTok's feed shows it: the 9:16 video with the @handle and the caption over its foot,
/// folded after two lines with "more"; links in captions are plain text. glocal hands TikTok posts to a webhook.
enum TikTokPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-tiktok" aria-label="As TikTok shows it">\(parts.media)
        <div class="pv-overlay"><p class="pv-who"><strong>@\(parts.account.handle)</strong></p>\(parts.text)</div></article>
        """
    }
}
