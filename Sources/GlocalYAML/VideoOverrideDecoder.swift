import GlocalCore
import Yams

/// Decodes the YouTube- and TikTok-only keys of a post's `networks:` override.
enum VideoOverrideDecoder {
    static let youtubeKeys = ["tags", "privacy", "notify_subscribers", "category", "thumbnail"]
    static let tiktokKeys = [
        "privacy_level", "disable_comment", "disable_duet", "disable_stitch", "brand_content_toggle", "brand_organic_toggle",
    ]

    /// The YouTube settings of a `youtube` override, or `nil` when it sets none.
    static func youtube(_ map: MappingReader, context: DecodeContext) -> YouTubeOverride? {
        let tags = map.strings("tags")
        if let tags { checkTags(tags, at: map.value("tags").map(context.location(of:)) ?? map.location, context: context) }
        var category = map.value("category").flatMap { context.string($0, for: "category") }
        if let value = category, value.value.isEmpty || !value.value.allSatisfy({ $0.isASCII && $0.isNumber }) {
            context.collector.error(
                .valueInvalid, "YouTube category '\(DiagnosticText.cut(value.value))' must be a numeric category id",
                at: value.location,
                notes: ["for example 22 (People & Blogs, YouTube's default), 26 (Howto & Style), 24 (Entertainment)"])
            category = nil
        }
        let override = YouTubeOverride(
            tags: tags, privacy: map.choice("privacy", YouTubePrivacy.self), notifySubscribers: map.bool("notify_subscribers"),
            category: category, thumbnail: map.value("thumbnail").flatMap { thumbnail($0, context: context) })
        let isEmpty =
            override.tags == nil && override.privacy == nil && override.notifySubscribers == nil && override.category == nil
            && override.thumbnail == nil
        return isEmpty ? nil : override
    }

    /// The custom thumbnail, written like a media item (`{path, alt}` or a plain path); its extension must name a
    /// JPEG or PNG (the file itself is checked by the validator: present, in the workspace, JPEG or PNG, at most 2 MB).
    static func thumbnail(_ node: Node, context: DecodeContext) -> MediaReference? {
        var path: Located<String>?
        var alt: Located<String>?
        if case .mapping = node {
            guard
                let map = context.mapping(
                    node, what: "thumbnail", allowed: ["path", "alt"], required: ["path"], for: "thumbnail")
            else { return nil }
            path = map.string("path")
            alt = map.string("alt")
        } else {
            path = context.string(node, for: "thumbnail")
        }
        guard let path else { return nil }
        let fileExtension = MediaPath.fileExtension(path.value).lowercased()
        // A path that cannot name a file is reported once, as media.path, by the validator.
        if !["jpg", "jpeg", "png"].contains(fileExtension), MediaPath.problem(path.value) == nil {
            context.collector.error(
                .mediaType, "YouTube thumbnail '\(MediaPath.shown(path.value))' is not a JPEG or PNG", at: path.location,
                notes: ["thumbnails.set takes a .jpg, .jpeg or .png image of at most 2 MB"])
            return MediaReference(path: path, alt: alt?.value, altLocation: alt?.location, type: nil)
        }
        return MediaReference(path: path, alt: alt?.value, altLocation: alt?.location, type: .image)
    }

    /// The TikTok settings of a `tiktok` override, or `nil` when it sets none.
    static func tiktok(_ map: MappingReader, context: DecodeContext) -> TikTokOverride? {
        guard tiktokKeys.contains(where: { map.value($0) != nil }) else { return nil }
        return TikTokOverride(
            privacyLevel: map.choice("privacy_level", TikTokPrivacyLevel.self),
            disableComment: map.bool("disable_comment")?.value ?? false, disableDuet: map.bool("disable_duet")?.value ?? false,
            disableStitch: map.bool("disable_stitch")?.value ?? false,
            brandContentToggle: map.bool("brand_content_toggle")?.value ?? false,
            brandOrganicToggle: map.bool("brand_organic_toggle")?.value ?? false)
    }

    /// YouTube refuses tags with `<` or `>` and more than 500 characters of tags as it counts them.
    private static func checkTags(_ tags: [Located<String>], at location: SourceLocation, context: DecodeContext) {
        for tag in tags where tag.value.contains(where: { $0 == "<" || $0 == ">" }) {
            context.collector.error(
                .youtubeTags, "YouTube tag '\(DiagnosticText.cut(tag.value))' contains < or >", at: tag.location,
                notes: ["YouTube refuses the characters < and > in tags"])
        }
        let values = tags.map(\.value)
        let length = YouTubeVideoOptions.countedLength(of: values)
        guard length > YouTubeVideoOptions.maxTagsLength else { return }
        // The caret on the first tag that takes the count past the limit, as text.too-long points where text stops fitting.
        let first = (1...values.count).first {
            YouTubeVideoOptions.countedLength(of: Array(values.prefix($0))) > YouTubeVideoOptions.maxTagsLength
        }
        var notes = ["\(length - YouTubeVideoOptions.maxTagsLength) over the limit"]
        if first != nil { notes.append("the tags from the caret on do not fit") }
        notes.append(
            "YouTube counts every tag's characters, a comma between tags, and 2 for the quotes around a tag with a space")
        context.collector.error(
            .youtubeTags, "YouTube tags are \(length)/\(YouTubeVideoOptions.maxTagsLength) characters",
            at: first.map { tags[$0 - 1].location } ?? location, notes: notes)
    }
}
