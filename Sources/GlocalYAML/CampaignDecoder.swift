import GlocalCore
import Yams

/// Decodes one `campaigns/*.yaml`.
enum CampaignDecoder {
    static let keys = [
        "campaign", "name", "kind", "window", "targets", "approval", "approval_deadline", "link", "utm", "hashtags", "posts",
    ]
    static let windowKeys = ["start", "end"]
    static let targetKeys = ["tags", "networks", "accounts", "locales", "exclude"]

    static func decode(_ root: Node?, context: DecodeContext) -> Campaign? {
        let start = SourceLocation(file: context.file, line: 1, column: 1)
        guard let root else {
            context.collector.error(
                .keyMissing, "campaign file is empty", at: start,
                notes: ["a campaign needs at least: campaign, kind, window and posts (see docs/campaign-format.md)"])
            return nil
        }
        guard
            let map = context.mapping(
                root, what: "campaign", allowed: keys, required: ["campaign", "kind", "window", "posts"])
        else { return nil }
        let id = context.slug(map.string("campaign"), what: "campaign id")
        let kind = map.choice("kind", PostKind.self)
        let window = map.value("window").flatMap { decodeWindow($0, context: context) }
        let targets = map.value("targets").flatMap { decodeTargets($0, what: "targets", context: context) }
        let link = map.string("link")
        if let link { LinkValidation.check(link, context: context) }
        let hashtags = map.strings("hashtags") ?? []
        var posts: [Post] = []
        if let node = map.value("posts") {
            if case let .sequence(items) = node {
                if items.isEmpty {
                    context.collector.error(.keyMissing, "a campaign needs at least one post", at: context.location(of: node))
                }
                posts = items.compactMap { PostDecoder.decode($0, context: context, windowStart: window?.start.value) }
            } else {
                context.collector.error(
                    .typeMismatch, "'posts' must be a list, found \(context.describe(node))", at: context.location(of: node),
                    notes: ["start each post with '- ', e.g. '  - id: teaser'"])
            }
        }
        guard let id, let kind, let window else { return nil }
        return Campaign(
            id: id, name: map.string("name")?.value, kind: kind, window: window, targets: targets ?? CampaignTargets(),
            approval: map.choice("approval", ApprovalMode.self)?.value,
            approvalDeadline: context.duration(
                map.string("approval_deadline"), what: "approval_deadline", in: NumberRanges.approvalDeadline)?.value,
            link: link, utm: map.bool("utm")?.value ?? true,
            hashtags: hashtags, posts: posts, file: context.file)
    }

    private static func decodeWindow(_ node: Node, context: DecodeContext) -> CampaignWindow? {
        guard let map = context.mapping(node, what: "window", allowed: windowKeys, required: windowKeys, for: "window") else {
            return nil
        }
        let start = context.date(map.string("start"), what: "window start")
        let end = context.date(map.string("end"), what: "window end")
        guard let start, let end else { return nil }
        if end.value < start.value {
            context.collector.error(
                .windowInvalid, "window ends on \(end.value), before it starts on \(start.value)", at: end.location)
        } else if end.value.daysSinceEpoch - start.value.daysSinceEpoch + 1 > NumberRanges.windowDays.upperBound {
            let days = DecodeContext.grouped(end.value.daysSinceEpoch - start.value.daysSinceEpoch + 1)
            context.collector.error(
                .windowInvalid,
                "window is \(days) days long, at most \(DecodeContext.grouped(NumberRanges.windowDays.upperBound)) are allowed",
                at: end.location,
                notes: ["a campaign runs for at most ten years (day 0 to day 3 650); split it into several campaigns"])
            return nil
        }
        return CampaignWindow(start: start, end: end)
    }

    /// Decodes a `targets:` mapping (campaign or post).
    static func decodeTargets(_ node: Node, what: String, context: DecodeContext) -> CampaignTargets? {
        guard let map = context.mapping(node, what: what, allowed: targetKeys, for: "targets") else { return nil }
        var targets = CampaignTargets()
        targets.location = context.location(of: node)
        targets.tags = selectingList("tags", in: map, what: what, context: context)
        targets.networks = selectingList("networks", in: map, what: what, context: context)
        targets.accounts = selectingList("accounts", in: map, what: what, context: context)
        targets.locales = selectingList("locales", in: map, what: what, context: context)
        targets.exclude = map.strings("exclude") ?? []
        return targets
    }

    /// A list that selects accounts. An empty one (`tags: []`) would select every account, as if it were not
    /// written, while it reads as "none": it is `targets.empty` (an empty `exclude` is harmless).
    private static func selectingList(_ key: String, in map: MappingReader, what: String, context: DecodeContext)
        -> [Located<String>]
    {
        guard let list = map.strings(key) else { return [] }
        if list.isEmpty, let node = map.value(key), case .sequence = node {
            context.collector.error(
                .targetsEmpty, "'\(key)' in \(what) is an empty list, which selects no account", at: context.location(of: node),
                notes: ["list at least one, or remove '\(key)' so that it does not narrow the selection"])
        }
        return list
    }
}

/// Checks links while decoding (they may contain template variables).
enum LinkValidation {
    static func check(_ link: Located<String>, context: DecodeContext, allowNone: Bool = false) {
        if allowNone, link.value == "none" { return }
        guard !LinkChecks.isAbsoluteHTTPURL(link.value) else { return }
        let shown = "'\(DiagnosticText.cut(link.value))'"
        var message = "\(shown) is not an absolute http(s) link"
        var notes: [String]
        if let scalar = LinkChecks.forbiddenScalar(in: link.value) {
            message = "\(shown) holds \(LinkChecks.describe(scalar)), which a link cannot hold"
            notes = ["percent-encode it as \(PercentEncoding.component(String(scalar))), or remove it"]
        } else if link.value.contains("://") {
            notes = ["links must be absolute, e.g. https://lumiere.example/{locale}/hydra"]
        } else {
            notes = ["add the scheme: https://\(link.value)"]
        }
        if allowNone { notes.append("use 'none' to publish this post without a link") }
        context.collector.error(.linkInvalid, message, at: link.location, notes: notes)
    }
}
