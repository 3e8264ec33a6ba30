/// A post as a Google Business Profile shows it on Search and Maps: the business name, the 4:3 photo, the summary
/// folded after three lines with "More", and the call-to-action button, which carries the link (text links are plain).
enum GoogleBusinessPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-google_business" aria-label="As Google Business Profile shows it"><div class="pv-head">\
        \(parts.avatar)<p class="pv-who"><strong>\(parts.account.name)</strong></p></div>
        \(parts.media)\(parts.text)<p class="pv-cta" aria-hidden="true">Learn more</p></article>
        """
    }
}
