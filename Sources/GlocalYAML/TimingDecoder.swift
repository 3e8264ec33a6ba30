import GlocalCore
import Yams

/// Decodes `timing:` in glocal.yaml: overrides of the default table (docs/scheduling.md, "Default table").
enum TimingDecoder {
    static let keys = ["fleet_limit", "fleet_bucket", "network_spacing", "sibling_gap", "networks"]
    /// `timing.sibling_gap`: from nothing (0m, off) to a day.
    static let siblingGapRange = GlocalDuration(seconds: 0)...GlocalDuration(seconds: 86_400)
    static let profileKeys = ["preferred", "allowed", "min_gap", "max_per_day", "max_per_week"]

    static func decode(_ node: Node, context: DecodeContext) -> TimingTable {
        var table = TimingTable.standard
        guard let map = context.mapping(node, what: "timing", allowed: keys, for: "timing") else { return table }
        if let limit = context.number(map.int("fleet_limit"), in: NumberRanges.fleetLimit, what: "fleet_limit") {
            table.fleetLimit = limit.value
        }
        if let bucket = context.duration(map.string("fleet_bucket"), what: "fleet_bucket", in: NumberRanges.fleetBucket) {
            table.fleetBucket = bucket.value
        }
        if let spacing = context.duration(
            map.string("network_spacing"), what: "network_spacing", in: NumberRanges.networkSpacing)
        {
            table.networkSpacing = spacing.value
        }
        if let gap = context.duration(map.string("sibling_gap"), what: "sibling_gap", in: siblingGapRange) {
            table.siblingGap = gap.value
        }
        if let networksNode = map.value("networks"),
            let networks = context.mapping(networksNode, what: "timing networks", allowed: [], for: "networks")
        {
            for entry in networks.entries {
                guard let network = context.network(Located(entry.key, at: context.location(of: entry.keyNode))) else { continue }
                table.profiles[network.value] = decodeProfile(entry.value, base: table.profile(network.value), context: context)
            }
        }
        return table
    }

    private static func decodeProfile(_ node: Node, base: TimingProfile, context: DecodeContext) -> TimingProfile {
        var profile = base
        guard
            let map = context.mapping(
                node, what: "\(base.network.rawValue) timing", allowed: profileKeys, for: base.network.rawValue)
        else { return profile }
        if let windows = map.strings("preferred") { profile.preferred = decodeWindows(windows, context: context) }
        if let windows = map.strings("allowed") { profile.allowed = decodeWindows(windows, context: context) }
        if let gap = context.duration(map.string("min_gap"), what: "min_gap", in: NumberRanges.timingMinGap) {
            profile.minGap = gap.value
        }
        if let perDay = context.number(map.int("max_per_day"), in: NumberRanges.maxPerDay, what: "max_per_day") {
            profile.maxPerDay = perDay.value
        }
        if let perWeek = context.number(map.int("max_per_week"), in: NumberRanges.maxPerWeek, what: "max_per_week") {
            profile.maxPerWeek = perWeek.value
        }
        return profile
    }

    private static func decodeWindows(_ texts: [Located<String>], context: DecodeContext) -> [TimeWindow] {
        texts.compactMap { text in
            if let window = TimeWindow(text: text.value) { return window }
            context.collector.error(
                .timeInvalid, "invalid posting window '\(DiagnosticText.cut(text.value))'", at: text.location,
                notes: [
                    "write windows as days and hours, e.g. \"Mon-Fri 09:00-13:00\", \"Sat,Sun 10:00-12:00\" or \"daily 05:00-08:00\""
                ])
            return nil
        }
    }
}
