/// A pin as Pinterest's pin page shows it: the 2:3 image with rounded corners, the title, the account, then the
/// description folded after 100 characters; text links are plain (the pin itself opens its destination link).
enum PinterestPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        let title: HTML = parts.preview.title.map { "<h3 class=\"pv-title\" id=\"preview-title\">\($0.text)</h3>" } ?? .empty
        return """
            <article class="pv pv-pinterest" aria-label="As Pinterest shows it">\(parts.media)\(title)
            <div class="pv-head">\(parts.avatar)<p class="pv-who"><strong>\(parts.account.name)</strong></p></div>
            \(parts.text)</article>
            """
    }
}
