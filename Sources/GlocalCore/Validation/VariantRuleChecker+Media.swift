import Foundation

/// The media half of ``VariantRuleChecker``: counts, image and video formats, sizes, aspect ratios, durations and
/// alt text, each read from the network's row of the rules table.
extension VariantRuleChecker {
    /// Media counts, kinds, formats, sizes, aspect ratios and alt text against the network's rules.
    func checkMedia(
        _ variant: PostVariant, rules: NetworkRules, report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        let images = variant.media.filter { $0.type == .image }
        let videos = variant.media.filter { $0.type == .video }
        let name = variant.network.displayName
        if rules.requiresVideo, videos.isEmpty {
            report(
                .error, .mediaRequired, "\(name) needs a video" + (images.isEmpty ? "" : "; it does not accept images"),
                variant.mediaLocation,
                ["add 'media: [path/to/video.mp4]' to the post or to its \(variant.network.rawValue) override"])
        } else if rules.requiresMedia, variant.media.isEmpty {
            report(
                .error, .mediaRequired, "\(name) needs an image or a video", variant.mediaLocation,
                ["add 'media:' to the post or to its \(variant.network.rawValue) override"])
        }
        let requiredMediaMissing = (rules.requiresVideo && videos.isEmpty) || (rules.requiresMedia && variant.media.isEmpty)
        if images.count > rules.maxImages {
            let noun = images.count == 1 ? "image" : "images"
            if rules.maxImages == 0 {
                // "needs a video" above already says what to do when a video is missing.
                if !requiredMediaMissing {
                    report(
                        .error, .mediaCount, "\(name) does not accept images", images[0].path.location, ["use a video instead"])
                }
            } else {
                report(
                    .error, .mediaCount, "\(images.count) \(noun), \(name) accepts at most \(rules.maxImages)",
                    images[rules.maxImages].path.location, [])
            }
        }
        if videos.count > rules.maxVideos {
            report(
                .error, .mediaCount, "\(videos.count) videos, \(name) accepts at most \(rules.maxVideos)",
                videos[rules.maxVideos].path.location, [])
        }
        let maxItems = max(rules.maxImages, rules.maxVideos)
        if rules.allowsMixedMedia, variant.media.count > maxItems, images.count <= rules.maxImages,
            videos.count <= rules.maxVideos
        {
            report(
                .error, .mediaCount, "\(variant.media.count) media items, \(name) accepts at most \(maxItems) per post",
                variant.media[maxItems].path.location, [])
        }
        if !rules.allowsMixedMedia, !images.isEmpty, !videos.isEmpty, rules.maxImages > 0 {
            report(.error, .mediaCount, "\(name) does not mix images and videos in one post", videos[0].path.location, [])
        }
        for item in videos {
            guard let info = media.inspect(item.path.value), info.isMeasurable else { continue }
            checkVideo(item, info: info, variant: variant, rules: rules, report: report)
        }
        if case .limited(let max, let counting) = rules.altText {
            for item in variant.media {
                guard let alt = item.alt else { continue }
                let length = counting.length(of: alt)
                guard length > max else { continue }
                report(
                    .error, .mediaAltTextTooLong,
                    "alt text of '\(MediaPath.shown(item.path.value))' is \(length)/\(max) \(counting.unit), over \(name)'s limit",
                    item.altLocation ?? item.path.location,
                    [
                        "\(length - max) over the limit; \(name) refuses a longer alt text and the post would fail",
                        "shorten it, or give \(variant.network.rawValue) its own 'media' override with a shorter alt",
                    ])
            }
        }
        for item in images {
            let info = media.inspect(item.path.value)
            if let formats = rules.imageFormats,
                let format = info?.format ?? MediaFormat.expected(forExtension: MediaPath.fileExtension(item.path.value)),
                !formats.contains(format)
            {
                let accepted = MediaFormat.allCases.filter(formats.contains).map(\.displayName).joined(separator: ", ")
                report(
                    .error, .mediaFormat,
                    "image '\(MediaPath.shown(item.path.value))' is \(format.displayName), \(name) accepts \(accepted)",
                    item.path.location,
                    ["convert it for \(variant.network.rawValue) and give it with a per-network 'media' override"])
            }
            guard let info, info.isMeasurable else { continue }
            if let max = rules.maxImageBytes, info.bytes > max {
                let (size, limit) = Self.sizes(info.bytes, over: max, unit: Self.megabytes)
                report(
                    .error, .mediaSize, "image '\(item.path.value)' is \(size), \(name) accepts at most \(limit)",
                    item.path.location, [])
            }
            if let message = Self.pixelExcess(
                info, kind: "image", shown: item.path.value, max: rules.maxImagePixels, network: name)
            {
                report(
                    .error, .mediaSize, message, item.path.location,
                    ["scale it down for \(variant.network.rawValue) with a per-network 'media' override"])
            }
            if let ratio = info.aspectRatio, let low = rules.minAspectRatio, let high = rules.maxAspectRatio,
                ratio < low - 0.005 || ratio > high + 0.005
            {
                report(
                    .error, .mediaAspect,
                    "image '\(item.path.value)' is \(info.pixelWidth!)×\(info.pixelHeight!) (aspect \(Self.decimal(ratio))), \(name) accepts \(Self.decimal(low)) (4:5) to \(Self.decimal(high)) (1.91:1)",
                    item.path.location, [])
            }
        }
    }

    /// A video's container, file size, aspect ratio and duration against the network's documented limits.
    func checkVideo(
        _ item: MediaReference, info: MediaFileInfo, variant: PostVariant, rules: NetworkRules,
        report: (Severity, DiagnosticRule, String, SourceLocation, [String]) -> Void
    ) {
        let name = variant.network.displayName
        let shown = MediaPath.shown(item.path.value)
        let override = "a per-network 'media' override"
        if let formats = rules.videoFormats,
            let format = info.format ?? MediaFormat.expected(forExtension: MediaPath.fileExtension(item.path.value)),
            !formats.contains(format)
        {
            let accepted = MediaFormat.allCases.filter(formats.contains).map(\.displayName).joined(separator: ", ")
            report(
                .error, .mediaFormat, "video '\(shown)' is \(format.displayName), \(name) accepts \(accepted)",
                item.path.location, ["convert it for \(variant.network.rawValue) and give it with \(override)"])
        }
        if let max = rules.maxVideoBytes, info.bytes > max {
            let (size, limit) = Self.sizes(info.bytes, over: max, unit: Self.fileSize)
            report(
                .error, .mediaSize, "video '\(shown)' is \(size), \(name) accepts at most \(limit)",
                item.path.location, ["compress it, or cut a shorter version, for \(variant.network.rawValue) with \(override)"])
        }
        if let message = Self.pixelExcess(info, kind: "video", shown: shown, max: rules.maxVideoPixels, network: name) {
            report(
                .error, .mediaSize, message, item.path.location,
                ["scale it down for \(variant.network.rawValue) with \(override)"])
        }
        if let ratio = info.aspectRatio, let low = rules.minVideoAspectRatio, let high = rules.maxVideoAspectRatio,
            ratio < low - 0.005 || ratio > high + 0.005
        {
            report(
                .error, .mediaAspect,
                "video '\(shown)' is \(info.pixelWidth!)×\(info.pixelHeight!) (aspect \(Self.decimal(ratio))), \(name) accepts "
                    + "\(Self.decimal(low)) (\(Self.ratioName(low))) to \(Self.decimal(high)) (\(Self.ratioName(high)))",
                item.path.location, ["crop a version for \(variant.network.rawValue) and give it with \(override)"])
        }
        guard let seconds = info.durationSeconds else { return }
        let lasts = "video '\(shown)' lasts \(Self.duration(seconds))"
        if let max = rules.maxVideoSeconds, seconds > max {
            report(
                .error, .mediaDuration, "\(lasts), \(name) accepts at most \(Self.duration(max))", item.path.location,
                ["cut a shorter version for \(variant.network.rawValue) with \(override)"])
        } else if let min = rules.minVideoSeconds, seconds < min {
            report(.error, .mediaDuration, "\(lasts), \(name) needs at least \(Self.duration(min))", item.path.location, [])
        }
    }

    /// `image 'a.png' is 8000×5000 pixels (40 000 000), Mastodon accepts at most 33 177 600 pixels`, or `nil` when the
    /// picture is within `max` (or its size is unknown, or the network states no limit).
    static func pixelExcess(_ info: MediaFileInfo, kind: String, shown: String, max: Int?, network: String) -> String? {
        guard let max, let width = info.pixelWidth, let height = info.pixelHeight else { return nil }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard overflow || pixels > max else { return nil }
        let count = overflow ? "" : " (\(grouped(pixels)))"
        return "\(kind) '\(shown)' is \(width)×\(height) pixels\(count), \(network) accepts at most \(grouped(max)) pixels"
    }
}
