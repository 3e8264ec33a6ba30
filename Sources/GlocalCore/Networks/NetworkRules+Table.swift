extension NetworkRules {
    /// The built-in rules of every network, as documented by each network (see docs/networks.md).
    public static let table: [Network: NetworkRules] = {
        let noForbidden: Set<Unicode.Scalar> = []
        var rules: [Network: NetworkRules] = [:]
        rules[.x] = NetworkRules(
            network: .x, maxTextLength: 280, textCounting: .xWeighted, maxTextBytes: nil, urlWeight: 23,
            maxTitleLength: nil, requiresTitle: false, requiresMedia: false, requiresVideo: false,
            maxImages: 4, maxVideos: 1, allowsMixedMedia: false, maxImageBytes: 5_000_000,
            minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil, recommendedHashtags: 2,
            maxMentions: nil, forbiddenCharacters: ["\u{FFFE}", "\u{FEFF}", "\u{FFFF}"],
            clickableLinks: true, allowedLinkPlacements: [.inline, .reply, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: true,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.bluesky] = NetworkRules(
            network: .bluesky, maxTextLength: 300, textCounting: .graphemesAndBytes, maxTextBytes: 3000,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: false,
            requiresVideo: false, maxImages: 4, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: 2_000_000, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: true, allowedLinkPlacements: [.inline, .reply, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.mastodon] = NetworkRules(
            network: .mastodon, maxTextLength: 500, textCounting: .mastodon, maxTextBytes: nil,
            urlWeight: 23, maxTitleLength: nil, requiresTitle: false, requiresMedia: false,
            requiresVideo: false, maxImages: 4, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: 16_777_216, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: true, allowedLinkPlacements: [.inline, .reply, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: true)
        rules[.threads] = NetworkRules(
            network: .threads, maxTextLength: 500, textCounting: .threads, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: false,
            requiresVideo: false, maxImages: 20, maxVideos: 20, allowsMixedMedia: true,
            maxImageBytes: 8_000_000, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: true, allowedLinkPlacements: [.inline, .reply, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: true, recommendsCamelCaseHashtags: false)
        rules[.linkedin] = NetworkRules(
            network: .linkedin, maxTextLength: 3000, textCounting: .graphemes, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: false,
            requiresVideo: false, maxImages: 20, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: nil, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: 3, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: true, allowedLinkPlacements: [.inline, .firstComment, .none],
            inlineLinkReducesReach: true, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.facebook] = NetworkRules(
            network: .facebook, maxTextLength: 63_206, textCounting: .graphemes, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: false,
            requiresVideo: false, maxImages: 10, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: 10_000_000, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: true, allowedLinkPlacements: [.inline, .firstComment, .none],
            inlineLinkReducesReach: true, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.instagram] = NetworkRules(
            network: .instagram, maxTextLength: 2200, textCounting: .graphemes, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: true,
            requiresVideo: false, maxImages: 10, maxVideos: 10, allowsMixedMedia: true,
            maxImageBytes: 8_000_000, minAspectRatio: 0.8, maxAspectRatio: 1.91, maxHashtags: 30,
            recommendedHashtags: 5, maxMentions: 20, forbiddenCharacters: noForbidden,
            clickableLinks: false, allowedLinkPlacements: [.inline, .firstComment, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.youtube] = NetworkRules(
            network: .youtube, maxTextLength: 5000, textCounting: .utf8Bytes, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: 100, requiresTitle: true, requiresMedia: true,
            requiresVideo: true, maxImages: 0, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: nil, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: 60,
            recommendedHashtags: 3, maxMentions: nil, forbiddenCharacters: ["<", ">"],
            clickableLinks: true, allowedLinkPlacements: [.inline, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.tiktok] = NetworkRules(
            network: .tiktok, maxTextLength: 2200, textCounting: .utf16, maxTextBytes: nil,
            urlWeight: nil, maxTitleLength: nil, requiresTitle: false, requiresMedia: true,
            requiresVideo: true, maxImages: 0, maxVideos: 1, allowsMixedMedia: false,
            maxImageBytes: nil, minAspectRatio: nil, maxAspectRatio: nil, maxHashtags: nil,
            recommendedHashtags: 5, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: false, allowedLinkPlacements: [.inline, .none],
            inlineLinkReducesReach: false, requiresDistinctTextAcrossAccounts: false,
            singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.pinterest] = NetworkRules(
            network: .pinterest, maxTextLength: 800, textCounting: .graphemes, maxTextBytes: nil, urlWeight: nil,
            maxTitleLength: 100, requiresTitle: false, requiresMedia: true, requiresVideo: false, maxImages: 1,
            maxVideos: 1, allowsMixedMedia: false, maxImageBytes: 20_000_000, minAspectRatio: nil, maxAspectRatio: nil,
            maxHashtags: nil, recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: false, allowedLinkPlacements: [.inline, .none], inlineLinkReducesReach: false,
            requiresDistinctTextAcrossAccounts: false, singleTopicTag: false, recommendsCamelCaseHashtags: false)
        rules[.googleBusiness] = NetworkRules(
            network: .googleBusiness, maxTextLength: 1500, textCounting: .graphemes, maxTextBytes: nil, urlWeight: nil,
            maxTitleLength: nil, requiresTitle: false, requiresMedia: false, requiresVideo: false, maxImages: 1,
            maxVideos: 1, allowsMixedMedia: false, maxImageBytes: 5_000_000, minAspectRatio: nil, maxAspectRatio: nil,
            maxHashtags: nil, recommendedHashtags: nil, maxMentions: nil, forbiddenCharacters: noForbidden,
            clickableLinks: false, allowedLinkPlacements: [.inline, .none], inlineLinkReducesReach: false,
            requiresDistinctTextAcrossAccounts: false, singleTopicTag: false, recommendsCamelCaseHashtags: false)
        // Pinterest's destination link and Google's button carry the link (docs/networks.md, "Pinterest", "Google
        // Business Profile"); Pinterest's `link` takes at most 2 048 characters.
        for network in [Network.pinterest, .googleBusiness] { rules[network]!.linkInOwnField = true }
        rules[.pinterest]!.maxLinkLength = 2_048
        // Bluesky's reply shows the link as Bluesky's apps do (social-app's `toShortUrl`), the whole link in its facet:
        // `app.bsky.richtext.facet#link` "The text URL may have been simplified or truncated, but the facet reference
        // should be a complete URL".
        rules[.bluesky]!.shortensSeparateLink = true
        // Video durations, from each network's media documentation (docs/networks.md); Mastodon leaves it to instances.
        let videoSeconds: [(Network, Double?, Double?)] = [
            (.x, 0.5, 140), (.bluesky, nil, 180), (.mastodon, nil, nil), (.threads, nil, 300), (.linkedin, 3, 1_800),
            (.facebook, nil, 14_400),
            (.instagram, 3, 900), (.youtube, nil, 43_200), (.tiktok, nil, 600), (.pinterest, 4, 900), (.googleBusiness, nil, 30),
        ]
        for (network, low, high) in videoSeconds {
            rules[network]!.minVideoSeconds = low
            rules[network]!.maxVideoSeconds = high
        }
        // Video files, from each network's media documentation (docs/networks.md, "Video limits"): the largest file in
        // bytes (decimal units, as written: YouTube `videos.insert` 256 GB, TikTok's media transfer guide 4 GB, Pinterest
        // 2 GB, Google Business Profile 75 MB), the aspect range (Pinterest: taller than 1.91:1, shorter than 1:2) and the
        // accepted containers (YouTube and TikTok MP4/MOV and WebM; Pinterest .mp4, .mov, .m4v), Mastodon's
        // `media_attachments.video_size_limit` of `GET /api/v2/instance` (103 809 024 bytes, 99 MiB, beside the
        // 16 MiB `image_size_limit` above). `nil`: not documented where glocal read, or not checked yet.
        let mp4OrWebM: Set<MediaFormat> = [.isoVideo, .webm]
        let videoFiles: [(Network, bytes: Int?, aspect: ClosedRange<Double>?, formats: Set<MediaFormat>?)] = [
            (.x, nil, nil, nil), (.bluesky, nil, nil, nil), (.mastodon, 103_809_024, nil, nil), (.threads, nil, nil, nil),
            (.linkedin, nil, nil, nil), (.facebook, nil, nil, nil), (.instagram, nil, nil, nil),
            (.youtube, 256_000_000_000, nil, mp4OrWebM), (.tiktok, 4_000_000_000, nil, mp4OrWebM),
            (.pinterest, 2_000_000_000, 0.5...1.91, [.isoVideo]), (.googleBusiness, 75_000_000, nil, nil),
        ]
        for (network, bytes, aspect, formats) in videoFiles {
            rules[network]!.maxVideoBytes = bytes
            rules[network]!.minVideoAspectRatio = aspect?.lowerBound
            rules[network]!.maxVideoAspectRatio = aspect?.upperBound
            rules[network]!.videoFormats = formats
        }
        // Image formats, where the network's API reference lists them: X's one-shot `POST /2/media/upload` takes
        // `image/jpeg`, `png`, `webp` (and `bmp`, `pjpeg`, `tiff`, which glocal does not read), not HEIC.
        rules[.x]!.imageFormats = [.jpeg, .png, .webp]
        // Picture sizes in pixels (width × height), where the network states a limit: Mastodon's
        // `media_attachments.image_matrix_limit` (33 177 600, 7680 × 4320) and `video_matrix_limit` (8 294 400,
        // 3840 × 2160) of `GET /api/v2/instance`; a larger picture is refused with 422.
        rules[.mastodon]!.maxImagePixels = 33_177_600
        rules[.mastodon]!.maxVideoPixels = 8_294_400
        // Alt text, from each network's API reference (docs/networks.md, "Alt text"): X `POST /2/media/metadata`
        // `alt_text.text` maxLength 1000; Mastodon `media_attachments.description_limit` 1500 (instance default);
        // Bluesky `app.bsky.embed.images#image.alt` has no maxLength; LinkedIn Posts API `altText` at most 4086.
        // Instagram and Threads image containers take `alt_text` (images only), with no published limit; the
        // Facebook Page photo endpoints name no alt-text parameter; YouTube and TikTok take no images. Pinterest's pin
        // `alt_text` maxLength 500; Google Business Profile's `MediaItem` has no alt-text field.
        let altText: [(Network, AltTextRule)] = [
            (.x, .limited(max: 1_000, counting: .codePoints)), (.bluesky, .unlimited),
            (.mastodon, .limited(max: 1_500, counting: .codePoints)), (.threads, .unlimited),
            (.linkedin, .limited(max: 4_086, counting: .utf16)), (.facebook, .notSent), (.instagram, .unlimited),
            (.youtube, .notSent), (.tiktok, .notSent), (.pinterest, .limited(max: 500, counting: .codePoints)),
            (.googleBusiness, .notSent),
        ]
        for (network, rule) in altText { rules[network]!.altText = rule }
        // Each list names every network (nil where nothing is documented): a network left out would get no video
        // limits and no alt text in silence.
        for (list, networks) in [
            ("videoSeconds", videoSeconds.map(\.0)), ("videoFiles", videoFiles.map(\.0)), ("altText", altText.map(\.0)),
        ] {
            precondition(networks.count == Network.allCases.count && Set(networks) == Set(Network.allCases), "\(list)")
        }
        return rules
    }()
}
