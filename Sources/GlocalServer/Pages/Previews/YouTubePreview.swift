/// A video as YouTube's watch page shows it: the 16:9 player, the title, the channel, and the
/// description folded after three lines with "...more". glocal hands YouTube posts to a webhook.
enum YouTubePreview {
    static func render(_ parts: PreviewParts) -> HTML {
        let title: HTML =
            parts.preview.title.map { "<h3 class=\"pv-title\" id=\"preview-title\">\($0.text)</h3>" }
            ?? "<h3 class=\"pv-title pv-missing\" id=\"preview-title\">(no title: YouTube needs one)</h3>"
        return """
            <article class="pv pv-youtube" aria-label="As YouTube shows it">\(parts.media)\(title)
            <div class="pv-head">\(parts.avatar)<p class="pv-who"><strong>\(parts.account.name)</strong><br>
            <span class="pv-handle">@\(parts.account.handle)</span></p></div>
            <div class="pv-description">\(parts.text)</div></article>
            """
    }
}
