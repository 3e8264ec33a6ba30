import GlocalCore
import Yams

/// Decodes one entry of a campaign's `posts:`.
enum PostDecoder {
    static let keys = [
        "id", "day", "at", "kind", "text", "title", "link", "link_placement", "media", "hashtags", "after", "live",
        "holiday", "targets", "networks",
    ]
    static let overrideKeys = ["text", "title", "link", "link_placement", "media", "hashtags", "skip"]
    static let afterKeys = ["post", "min_gap"]
    static let mediaKeys = ["path", "alt"]

    static func decode(_ node: Node, context: DecodeContext, windowStart: LocalDate? = nil) -> Post? {
        let label = node.mapping?["id"]?.string.map { "post '\(DiagnosticText.cut($0))'" } ?? "post"
        guard let map = context.mapping(node, what: label, allowed: keys, required: ["id", "text"], for: "posts"),
            let id = context.slug(map.string("id"), what: "post id"), let text = map.string("text")
        else { return nil }
        let day =
            dayWrittenAsDate(map.value("day"), context: context, windowStart: windowStart)
            ? nil : decodeDay(map.int("day"), context: context, windowStart: windowStart)
        var after: PostSequencing? = nil
        if let node = map.value("after"),
            let afterMap = context.mapping(node, what: "after", allowed: afterKeys, required: ["post"], for: "after"),
            let post = afterMap.string("post")
        {
            let minGap = context.duration(afterMap.string("min_gap"), what: "min_gap", in: NumberRanges.postMinGap)
            after = PostSequencing(post: post, minGap: minGap)
        }
        let link = map.string("link")
        if let link { LinkValidation.check(link, context: context, allowNone: true) }
        var overrides: [PostNetworkOverride] = []
        if let node = map.value("networks"), let networks = context.mapping(node, what: "networks", allowed: [], for: "networks")
        {
            for entry in networks.entries {
                let name = Located(entry.key, at: context.location(of: entry.keyNode))
                guard let network = context.network(name) else { continue }
                if let override = decodeOverride(entry.value, network: network, context: context) {
                    overrides.append(override)
                }
            }
        }
        return Post(
            id: id, day: day, at: context.time(map.string("at"), what: "at"), kind: map.choice("kind", PostKind.self),
            text: text, title: map.string("title"), link: link,
            linkPlacement: map.choice("link_placement", LinkPlacement.self),
            media: map.value("media").map { decodeMedia($0, context: context) } ?? [],
            hashtags: map.strings("hashtags") ?? [], after: after, live: map.bool("live")?.value ?? false,
            holiday: map.bool("holiday")?.value ?? false,
            targets: map.value("targets").flatMap { CampaignDecoder.decodeTargets($0, what: "post targets", context: context) },
            overrides: overrides)
    }

    /// A post's `day`, from 0 to 3 650; a number that reads as a date (`20270305`) is said to be one.
    static func decodeDay(_ value: Located<Int>?, context: DecodeContext, windowStart: LocalDate?) -> Located<Int>? {
        guard let value else { return nil }
        var notes = ["day 0 is the campaign's first day; days count from window.start"]
        if let date = dateWritten(as: value.value) {
            var note = "\(value.value) looks like the date \(date): 'day' is a number of days after window.start, not a date"
            if let start = windowStart {
                let offset = date.daysSinceEpoch - start.daysSinceEpoch
                note +=
                    offset >= 0
                    ? "; \(date) is day: \(offset) of this campaign" : "; \(date) is before this campaign's window"
            }
            notes = [note]
        }
        return context.number(value, in: NumberRanges.postDay, what: "day", rule: .windowInvalid, notes: notes)
    }

    /// Reports `day: 2027-03-05` (a date where a number of days belongs) in one error; `true` when it did.
    static func dayWrittenAsDate(_ node: Node?, context: DecodeContext, windowStart: LocalDate?) -> Bool {
        guard let node, case let .scalar(scalar) = node, let date = LocalDate(iso: scalar.string) else { return false }
        var note = "days count from window.start (day 0)"
        if let start = windowStart {
            let offset = date.daysSinceEpoch - start.daysSinceEpoch
            note =
                offset >= 0
                ? "\(date) is day: \(offset) of this campaign (window.start is \(start))"
                : "\(date) is before this campaign's window (window.start is \(start))"
        }
        context.collector.error(
            .typeMismatch, "'day' must be a whole number of days after window.start, found the date \(date)",
            at: context.location(of: node), notes: [note])
        return true
    }

    /// The date a number like 20270305 spells as YYYYMMDD, if it is a real date in the allowed years.
    static func dateWritten(as number: Int) -> LocalDate? {
        guard (10_000_000...99_999_999).contains(number) else { return nil }
        guard let date = LocalDate(year: number / 10_000, month: number / 100 % 100, day: number % 100),
            NumberRanges.years.contains(date.year)
        else { return nil }
        return date
    }

    private static func decodeOverride(_ node: Node, network: Located<Network>, context: DecodeContext) -> PostNetworkOverride? {
        guard
            let map = context.mapping(
                node, what: "\(network.value.rawValue) override",
                allowed: overrideKeys + NetworkOverrideDecoder.extraKeys(for: network.value), for: network.value.rawValue)
        else { return nil }
        let link = map.string("link")
        if let link { LinkValidation.check(link, context: context, allowNone: true) }
        var override = PostNetworkOverride(
            network: network, text: map.string("text"), title: map.string("title"), link: link,
            linkPlacement: map.choice("link_placement", LinkPlacement.self),
            media: map.value("media").map { decodeMedia($0, context: context) }, hashtags: map.strings("hashtags"),
            skip: map.bool("skip")?.value ?? false,
            youtube: network.value == .youtube ? VideoOverrideDecoder.youtube(map, context: context) : nil,
            tiktok: network.value == .tiktok ? VideoOverrideDecoder.tiktok(map, context: context) : nil)
        NetworkOverrideDecoder.decode(map, network: network.value, into: &override, context: context)
        return override
    }

    static func decodeMedia(_ node: Node, context: DecodeContext) -> [MediaReference] {
        guard case let .sequence(items) = node else {
            context.typeMismatch(node, expected: "a list of media files", for: "media")
            return []
        }
        var media: [MediaReference] = []
        for item in items {
            var path: Located<String>? = nil
            var alt: Located<String>? = nil
            if case .mapping = item {
                guard let map = context.mapping(item, what: "media item", allowed: mediaKeys, required: ["path"], for: "media")
                else { continue }
                path = map.string("path")
                alt = map.string("alt")
            } else {
                path = context.string(item, for: "media")
            }
            guard let path else { continue }
            let type = MediaType.inferred(fromPath: path.value)
            // A path that cannot name a file is reported once, as media.path, by the validator.
            if type == nil, MediaPath.problem(path.value) == nil {
                context.collector.error(
                    .mediaType, "cannot tell the type of media '\(DiagnosticText.cut(path.value))' from its extension",
                    at: path.location,
                    notes: ["use .jpg, .jpeg, .png, .webp or .heic for images; .mp4, .mov, .m4v, .webm or .gif for videos"])
            }
            media.append(MediaReference(path: path, alt: alt?.value, altLocation: alt?.location, type: type))
        }
        return media
    }
}
